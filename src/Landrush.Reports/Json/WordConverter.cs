using System.Text.Json;
using System.Text.Json.Serialization;

namespace Landrush.Reports.Json;

/// <summary>Writes an enum as its word in <see cref="Words"/>, as a value and as a key, and reads the word back.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
/// <param name="word">Its word, from <see cref="Words"/>.</param>
public sealed class WordConverter<TEnum>(Func<TEnum, string> word) : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(word(value));
    }

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(word(value));
    }

    private TEnum Parse(string? text)
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (word(value) == text)
            {
                return value;
            }
        }

        throw new JsonException($"'{text}' is not a word for {typeof(TEnum).Name}");
    }
}
