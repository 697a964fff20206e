namespace MutualAid.Web.Accounts;

/// <summary>
/// Sets the request's <see cref="CurrentUser"/> from the principal authentication and authorization
/// settled on (a cookie or an API token), so no endpoint acts for the person by remembering to set it.
/// A circuit has its own scope and is set by <c>SignedInScope</c>.
/// </summary>
public static class CurrentUserMiddleware
{
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.RequestServices.GetRequiredService<CurrentUser>().Set(context.User);
            return next(context);
        });
}
