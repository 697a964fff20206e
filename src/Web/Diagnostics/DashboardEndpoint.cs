using MutualAid.Web.Accounts;
using Orleans.Dashboard;

namespace MutualAid.Web.Diagnostics;

/// <summary>The Orleans Dashboard's pages and API, for network administrators only, in both hosting modes.</summary>
public static class DashboardEndpoint
{
    public const string Path = "/admin/orleans";

    public static void MapDashboard(this WebApplication app) =>
        app.MapOrleansDashboard(Path).RequireAuthorization(Policies.Administer);
}
