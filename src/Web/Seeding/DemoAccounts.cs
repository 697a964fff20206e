using System.Security.Cryptography;
using MutualAid.Accounts;
using MutualAid.Common;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Seeding;

/// <summary>
/// Sign-ins for the demo network. The password is random per data folder and written only to a
/// file beside the data (owner-readable), never into the repository or the logs.
/// </summary>
public static class DemoAccounts
{
    public const string FileName = "demo-accounts.txt";

    public static readonly (string Email, string Name, RoleGrant[] Roles)[] People =
    [
        ("admin@demo.local", "Ada (admin)", [new RoleGrant(Role.NetworkAdmin, null)]),
        ("coordinator@demo.local", "Cora (coordinator)", [new RoleGrant(Role.Coordinator, "north"), new RoleGrant(Role.Coordinator, "riverside")]),
        ("dispatcher@demo.local", "Dan (dispatcher)", [new RoleGrant(Role.Dispatcher, "north")]),
        ("regional@demo.local", "Rae (regional)", [new RoleGrant(Role.RegionalCoordinator, DemoSeeder.Region)]),
        ("volunteer@demo.local", "Priya (volunteer)", [new RoleGrant(Role.Volunteer, "north")]),
    ];

    public static async Task<string> Create(IGrainFactory grains, string dataFolder, Guid? volunteerId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        var hash = AccountService.Hash(password);
        var actor = AppActors.Demo;
        await grains.GetGrain<IUserDirectoryGrain>(0).TryReserveFirstAdmin(People[0].Email);
        foreach (var (email, name, roles) in People)
        {
            var user = grains.GetGrain<IUserGrain>(IUserGrain.Key(email));
            await user.Create(name, hash, roles, actor);
            if (email.StartsWith("volunteer", StringComparison.Ordinal) && volunteerId is { } v) await user.LinkVolunteer(v, actor);
        }

        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, FileName);
        // Written aside and moved into place: a reader (an operator, a test waiting for the file) never finds
        // it empty or half written, and it is private before the password is in it.
        var writing = path + ".tmp";
        await File.WriteAllTextAsync(writing, "");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(writing, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllLinesAsync(writing, [$"# MutualAid demo sign-ins (password for all): {password}", .. People.Select(p => $"{p.Email}\t{string.Join(", ", p.Roles)}")]);
        File.Move(writing, path, overwrite: true);
        return path;
    }
}
