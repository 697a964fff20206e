using MutualAid.Common;

namespace MutualAid.Web.Users;

/// <summary>
/// Who is using this circuit. Until accounts arrive it is a name the person types, kept in a
/// cookie; everything that acts on grains asks this one service, so real sign-in can replace it
/// without touching the pages.
/// </summary>
public sealed class CurrentUser
{
    public CurrentUser(IHttpContextAccessor http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (id, name) = ViewerCookie.Read(http.HttpContext?.Request.Cookies[ViewerCookie.Name]);
        Actor = new Actor(id, name);
    }

    public Actor Actor { get; private set; }

    /// <summary>Identifies this browser tab for presence (one person may have several).</summary>
    public string ViewerId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>For tests and components that act on behalf of a known person.</summary>
    public void Set(Actor actor) => Actor = actor;
}
