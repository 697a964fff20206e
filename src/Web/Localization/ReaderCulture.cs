using System.Globalization;

namespace MutualAid.Web.Localization;

/// <summary>
/// A live feed calls back on a grain-observer or timer thread, which carries no reader's language:
/// a render queued from there (InvokeAsync runs it in the caller's execution context) comes out in
/// the server's language. Kept where the page starts, on its circuit, and put back around each call.
/// </summary>
public static class ReaderCulture
{
    /// <summary><paramref name="callback"/>, called in the language and formats of whoever calls this now.</summary>
    public static Func<T, Task> Kept<T>(Func<T, Task> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var (formats, language) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        return value =>
        {
            var (feedFormats, feedLanguage) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (formats, language);
            try
            {
                return callback(value);
            }
            finally
            {
                // The feed's own thread goes on to other readers, who each bring their own.
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (feedFormats, feedLanguage);
            }
        };
    }
}
