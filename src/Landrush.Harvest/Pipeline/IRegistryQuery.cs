namespace Landrush.Harvest.Pipeline;

/// <summary>
/// The harvest's seam to a registry source: ask about one name, get one <see cref="RegistryAnswer"/>. The
/// WHOIS stage knows only this, so that the source abstraction of issue 13 (<c>IRegistrySource</c>) can
/// replace <see cref="WhoisQuery"/> with a one-line adapter.
/// </summary>
public interface IRegistryQuery
{
    /// <summary><c>whois</c> or <c>rdap</c>: the source written into the store and the export.</summary>
    string Source { get; }

    /// <summary>Who is asked (<c>host:port</c> or URL).</summary>
    string Server { get; }

    /// <summary>Asks about <paramref name="name"/>. Network failures are answers with a <see cref="RegistryAnswer.Failure"/>, not exceptions.</summary>
    Task<RegistryAnswer> AskAsync(string name, CancellationToken cancellationToken);
}
