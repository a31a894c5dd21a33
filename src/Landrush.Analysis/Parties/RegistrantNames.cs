using System.Text;

namespace Landrush.Analysis.Parties;

/// <summary>Registrant names reduced to what identifies a holder, so that spelling variants of one company meet.</summary>
public static class RegistrantNames
{
    // Legal forms say what kind of entity a holder is, not which one: "Acme B.V." and "ACME bv" are one holder.
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "bv", "nv", "vof", "cv", "bvba", "sprl", "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "plc",
        "gmbh", "ag", "kg", "sa", "sarl", "srl", "spa", "co", "corp", "corporation", "company", "pty", "ab", "oy", "aps",
    };

    // The project runs with invariant globalization (no ICU), so string.Normalize cannot strip accents:
    // the Latin letters that registrant names in European registries carry are folded by table.
    private const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįıñńňòóôõöøōőùúûüūůűųýÿšśžźżłř";
    private const string Plain = "aaaaaaaaacccdeeeeeeeeiiiiiiinnnoooooooouuuuuuuuyysszzzlr";

    /// <summary>
    /// Lower case, accents dropped, punctuation and spacing reduced to single spaces, runs of single letters joined
    /// (<c>B. V.</c> → <c>bv</c>) and legal forms removed (<c>B.V.</c>, <c>BV</c>, <c>N.V.</c>, <c>Inc.</c>,
    /// <c>Ltd</c> …). Returns the empty string when nothing identifying is left (empty, only punctuation or only a
    /// legal form): such a name is no evidence.
    /// </summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var tokens = new List<string>();
        var token = new StringBuilder();
        foreach (var raw in name)
        {
            var c = Fold(char.ToLowerInvariant(raw));
            if (char.IsLetterOrDigit(c))
            {
                token.Append(c);
            }
            else if (token.Length > 0)
            {
                tokens.Add(token.ToString());
                token.Clear();
            }
        }

        if (token.Length > 0)
        {
            tokens.Add(token.ToString());
        }

        var joined = new List<string>();
        var lastWasInitials = false;
        foreach (var t in tokens)
        {
            // "B. V." and "N. V." split into single letters: join runs of them back into one word.
            var single = t.Length == 1 && char.IsLetter(t[0]);
            if (single && lastWasInitials)
            {
                joined[^1] += t;
            }
            else
            {
                joined.Add(t);
            }

            lastWasInitials = single;
        }

        return string.Join(' ', joined.Where(t => !LegalForms.Contains(t)));
    }

    private static char Fold(char c)
    {
        var i = Accented.IndexOf(c, StringComparison.Ordinal);
        return i < 0 ? c : Plain[i];
    }
}
