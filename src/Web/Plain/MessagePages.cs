using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MutualAid.Web.Localization;

namespace MutualAid.Web.Plain;

/// <summary>
/// The plain message page as an endpoint's answer: one place builds it, so a refusal reads the same
/// on every form that gives it.
/// </summary>
public static class MessagePages
{
    /// <summary>A message, with a status other than 200 when it refuses.</summary>
    public static RazorComponentResult<MessagePage> Say(string title, string text, int status = StatusCodes.Status200OK) =>
        new(new { Title = title, Text = text }) { StatusCode = status };

    /// <summary>A message shown as an alert: something went wrong or was refused.</summary>
    public static RazorComponentResult<MessagePage> Alert(string title, string text, int status) =>
        new(new { Title = title, Text = text, Alert = true }) { StatusCode = status };

    /// <summary>A form whose body the reader refused (a NUL in a field, too many values).</summary>
    public static RazorComponentResult<MessagePage> Unreadable(IStringLocalizer<UiText> t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Alert(t["Public.CheckForm"], t["Public.Unreadable"], StatusCodes.Status400BadRequest);
    }

    /// <summary>A form whose antiforgery token expired (the page stayed open too long) or came from another site.</summary>
    public static RazorComponentResult<MessagePage> SendAgain(IStringLocalizer<UiText> t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Alert(t["Public.SendAgain"], t["Public.SendAgainText"], StatusCodes.Status400BadRequest);
    }
}
