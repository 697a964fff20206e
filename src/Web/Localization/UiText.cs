namespace MutualAid.Web.Localization;

/// <summary>
/// Names the app's one pair of resource files (Resources/Localization/UiText.resx and UiText.es.resx):
/// every page asks <c>IStringLocalizer&lt;UiText&gt;</c>, so translators work in one place.
/// </summary>
public sealed class UiText;
