using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using MutualAid.Common;

namespace MutualAid.Web.Api;

/// <summary>
/// A JSON body read by the API itself rather than by the framework, whose failure is an empty 400:
/// JSON that does not parse is a 400 problem; a value a field cannot take (say <c>"category": "Fod"</c>)
/// is a 422 naming that field; a body over the server's cap is a 413 problem. Endpoints declare the
/// body type with Accepts&lt;T&gt; for the document.
/// </summary>
public sealed class JsonBody<T> where T : class
{
    private JsonBody(T? value, IResult? problem, string fingerprint)
    {
        Value = value;
        Problem = problem;
        Fingerprint = fingerprint;
    }

    public T? Value { get; }

    /// <summary>Why the body could not be read; null when <see cref="Value"/> is set.</summary>
    public IResult? Problem { get; }

    /// <summary>A hash of the bytes as sent, so an idempotent repeat can be told from a different body.</summary>
    public string Fingerprint { get; }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var buffer = new MemoryStream();
        try
        {
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel stops at the cap (a Content-Length over it, or a chunked body reaching it); no
            // fingerprint is left, so an Idempotency-Key keeps nothing for a body never read whole.
            var cap = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0;
            return Failed(ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, ApiProblems.TooLarge, "Too large", Reason.BodyTooLarge, cap / 1024), "");
        }

        var raw = buffer.ToArray();
        var fingerprint = Convert.ToHexString(SHA256.HashData(raw));
        http.Items[typeof(JsonBody<>)] = fingerprint;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw);
        }
        catch (JsonException)
        {
            return Failed(ApiProblems.Of(StatusCodes.Status400BadRequest, ApiProblems.Malformed, "Malformed request", Reason.MalformedJson), fingerprint);
        }

        using (document)
        {
            var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            try
            {
                return document.Deserialize<T>(options) is { } value
                    ? new JsonBody<T>(value, null, fingerprint)
                    : Failed(ApiProblems.Of(StatusCodes.Status400BadRequest, ApiProblems.Malformed, "Malformed request", Reason.MalformedJson), fingerprint);
            }
            catch (JsonException bad)
            {
                // The JSON parsed, so this is a value its field cannot take; the path names the field.
                return Failed(ApiProblems.InvalidField(Field(bad.Path), Reason.NotAValue), fingerprint);
            }
        }
    }

    /// <summary>"$.contact.name" → "contact.name"; the body itself when no field is named.</summary>
    private static string Field(string? path) => path is null or "$" ? "body" : path.TrimStart('$', '.');

    private static JsonBody<T> Failed(IResult problem, string fingerprint) => new(null, problem, fingerprint);
}
