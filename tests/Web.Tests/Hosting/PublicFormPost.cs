namespace MutualAid.Web.Tests.Hosting;

/// <summary>
/// Posts a no-script public form as a browser does: the form page first, for its antiforgery token
/// and cookie, then the fields, read in <c>culture</c> when one is named.
/// </summary>
public static class PublicFormPost
{
    public static async Task<HttpResponseMessage> Send(KestrelApp app, string path, Dictionary<string, string> fields, string? culture = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(fields);
        using var http = app.Client();
        var page = await http.GetAsync(new Uri(path, UriKind.Relative));
        fields[FormToken.FieldName] = FormToken.In(await page.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", FormToken.Cookie(page));
        if (culture is not null) request.Headers.Add("Accept-Language", culture);
        return await http.SendAsync(request);
    }
}
