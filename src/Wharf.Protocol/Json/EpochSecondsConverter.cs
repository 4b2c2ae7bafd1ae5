using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wharf.Protocol.Json;

/// <summary>AWS JSON timestamps: epoch seconds as a JSON number, fractions allowed, millisecond precision.</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    // The range DateTimeOffset can hold, in seconds, so out-of-range numbers are a
    // serialization error rather than an ArgumentOutOfRangeException.
    private const double MinSeconds = -62135596800;
    private const double MaxSeconds = 253402300799;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var seconds))
        {
            throw new JsonException("Timestamps must be numbers of seconds since the epoch.");
        }

        return FromSeconds(seconds) ?? throw new JsonException("Timestamp out of range.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var ms = value.ToUnixTimeMilliseconds();
        if (ms % 1000 == 0)
        {
            writer.WriteNumberValue(ms / 1000);
        }
        else
        {
            writer.WriteNumberValue(ms / 1000.0);
        }
    }

    /// <summary>Converts epoch seconds to a timestamp, or null when out of range or not finite.</summary>
    internal static DateTimeOffset? FromSeconds(double seconds) =>
        double.IsFinite(seconds) && seconds is >= MinSeconds and <= MaxSeconds
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000))
            : null;
}
