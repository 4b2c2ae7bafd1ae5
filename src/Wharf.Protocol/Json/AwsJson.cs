using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Wharf.Protocol.Errors;

namespace Wharf.Protocol.Json;

/// <summary>
/// AWS JSON 1.0/1.1 bodies for the generated wire types: exact member names, nulls omitted,
/// unknown members ignored, timestamps as epoch seconds, blobs as base64. Any body that does
/// not parse, or a member of the wrong JSON type, is a <c>SerializationException</c> (400).
/// </summary>
public static class AwsJson
{
    /// <summary>The serializer options used for every AWS JSON body.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads <paramref name="body"/> as <paramref name="type"/>; an empty body or <c>null</c> gives an empty instance.</summary>
    /// <exception cref="AwsServiceException"><c>SerializationException</c> when the body is not valid for the type.</exception>
    public static object Deserialize(ReadOnlySpan<byte> body, Type type)
    {
        if (IsBlank(body))
        {
            return Activator.CreateInstance(type)!;
        }

        try
        {
            return JsonSerializer.Deserialize(body, type, Options) ?? Activator.CreateInstance(type)!;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            throw CommonErrors.Serialization(Describe(ex));
        }
    }

    /// <summary>Reads <paramref name="body"/> as <typeparamref name="T"/>; see <see cref="Deserialize(ReadOnlySpan{byte}, Type)"/>.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> body)
        where T : class, new() => (T)Deserialize(body, typeof(T));

    /// <summary>Checks that <paramref name="body"/> is blank or one JSON value, for operations without input.</summary>
    /// <exception cref="AwsServiceException"><c>SerializationException</c> when it is not.</exception>
    public static void EnsureWellFormed(ReadOnlySpan<byte> body)
    {
        if (IsBlank(body))
        {
            return;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            throw CommonErrors.Serialization(Describe(ex));
        }
    }

    /// <summary>Writes <paramref name="value"/> (a generated wire type) as UTF-8 JSON; null gives <c>{}</c>.</summary>
    public static byte[] Serialize(object? value) =>
        value is null ? "{}"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Options);

    private static bool IsBlank(ReadOnlySpan<byte> body) => body.Trim(" \t\r\n"u8).IsEmpty;

    private static string Describe(Exception ex) =>
        ex is JsonException { Path: { } path } && path != "$"
            ? $"Could not parse the request body at '{path}': expected a value of the member's type."
            : "Could not parse the request body: it is not a valid JSON document of the expected shape.";

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            MaxDepth = 64,
            // A JSON API, never embedded in HTML: write UTF-8 text as is, as AWS does.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new EpochSecondsConverter());
        options.MakeReadOnly();
        return options;
    }
}
