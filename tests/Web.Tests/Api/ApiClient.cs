using System.Net.Http.Json;

namespace MutualAid.Web.Tests.Api;

/// <summary>
/// Calls the API as one of <see cref="Trust.TrustWorld"/>'s roles and notes each answer's
/// (method, path, status), so the document test can check every documented status was produced.
/// </summary>
public static class ApiClient
{
    public static ConcurrentBag<(string Method, string Path, int Status)> Answered { get; } = [];

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> Send(
        HttpClient client, HttpMethod method, string path, object? body = null, bool header = true, string? raw = null, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = raw is not null ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json") : body is null ? null : JsonContent.Create(body),
        };
        if (header) request.Headers.Add(ClientHeaderFilter.Header, "tests");
        if (idempotencyKey is not null) request.Headers.Add(IdempotencyFilter.Header, idempotencyKey);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Answered.Add((method.Method, path.Split('?')[0], (int)response.StatusCode));
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }
}
