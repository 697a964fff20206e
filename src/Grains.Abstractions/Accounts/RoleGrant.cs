namespace MutualAid.Accounts;

/// <summary>A role held over one place: a hub or region slug, or nothing for network admins.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.RoleGrant")]
public sealed record RoleGrant([property: Id(0)] Role Role, [property: Id(1)] string? Scope)
{
    public override string ToString() => Scope is null ? Role.ToString() : $"{Role}@{Scope}";

    /// <summary>Parses the claim form "Role@scope" (or "Role"); null when malformed.</summary>
    public static RoleGrant? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var roleText = at < 0 ? value : value[..at];
        var scope = at < 0 ? null : value[(at + 1)..];
        return Enum.TryParse<Role>(roleText, ignoreCase: false, out var role) && Enum.IsDefined(role) ? new RoleGrant(role, scope) : null;
    }

    public IReadOnlyList<FieldError> Validate()
    {
        if (!Enum.IsDefined(Role)) return [FieldError.Of("Role", Reason.UnknownRole)];
        return (Role == Role.NetworkAdmin, Scope) switch
        {
            (true, not null) => [FieldError.Of("Scope", Reason.AdminNotScoped)],
            (false, null) => [FieldError.Of("Scope", Reason.RoleNeedsScope, Role)],
            (false, var s) when !Slug.IsValid(s) => [FieldError.Of("Scope", Reason.NotAScopeKey, s)],
            _ => [],
        };
    }
}
