namespace MutualAid.Web.Tests.Localization;

/// <summary>The app's words as a page reads them, in any culture, without starting the app.</summary>
public static class Localized
{
    public static readonly IStringLocalizer<UiText> Words = new StringLocalizer<UiText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    /// <summary>Reads with <paramref name="culture"/> as this thread's language and formats, then puts them back.</summary>
    public static T In<T>(string culture, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Languages.Culture(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }

    /// <summary>
    /// Runs <paramref name="act"/> (a page rendered, clicked and read) with <paramref name="culture"/> as
    /// its language and formats; they flow into its awaits and are put back after, whatever it throws.
    /// </summary>
    public static async Task In(string culture, Func<Task> act)
    {
        ArgumentNullException.ThrowIfNull(act);
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Languages.Culture(culture);
        try
        {
            await act();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }
}
