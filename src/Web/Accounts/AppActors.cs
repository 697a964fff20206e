using MutualAid.Common;

namespace MutualAid.Web.Accounts;

/// <summary>
/// The app's own actors, for changes no signed-in person made. Their stored names are English, and
/// histories and conflicts are read in many languages, so pages say them by their resource key
/// (<see cref="Localization.LocalizerExtensions.Who"/>) and keep the stored name for everyone else.
/// </summary>
public static class AppActors
{
    public static readonly Actor PublicForm = new("public-form", "Public form");
    public static readonly Actor TextMessage = new("sms", "Text message");
    public static readonly Actor Requester = new("requester", "The person who asked");
    public static readonly Actor Import = new("import", "Import");
    public static readonly Actor Setup = new("setup", "First-run setup");
    public static readonly Actor Demo = new("demo", "Demo data");

    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        [PublicForm.UserId] = "Actor.PublicForm",
        [TextMessage.UserId] = "Actor.TextMessage",
        [Requester.UserId] = "Actor.Requester",
        [Import.UserId] = "Actor.Import",
        [Setup.UserId] = "Actor.Setup",
        [Demo.UserId] = "Actor.Demo",
    };

    /// <summary>
    /// What follows a token's name in the actor it acts as ("Hotline bridge (API token)"): stored in
    /// English with each entry, so a page says the name again in the reader's words (<see cref="TokenName"/>).
    /// </summary>
    public const string TokenSuffix = " (API token)";

    /// <summary>The name of the token an actor is ("Hotline bridge"), when it is one.</summary>
    public static string? TokenName(Actor actor) =>
        actor is not null && actor.UserId.StartsWith("token:", StringComparison.Ordinal) && actor.DisplayName.EndsWith(TokenSuffix, StringComparison.Ordinal)
            ? actor.DisplayName[..^TokenSuffix.Length]
            : null;

    /// <summary>The resource key of one of these actors' names; none for a person.</summary>
    public static string? KeyOf(Actor actor) => actor is not null && Keys.TryGetValue(actor.UserId, out var key) ? key : null;
}
