using MutualAid.Accounts;

namespace MutualAid.Web.Accounts;

/// <summary>
/// `dotnet run --project src/Web -- admin create --email you@example.org --name "Your Name"`:
/// creates the first administrator from the command line (password read from standard input or
/// MUTUALAID_ADMIN_PASSWORD), for servers where nobody will open the first-run page.
/// </summary>
public static class AdminCommand
{
    public static bool Matches(string[] args) => args.Length >= 2 && args[0] == "admin" && args[1] == "create";

    public static async Task<int> Run(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var email = Arg("--email");
        var name = Arg("--name") ?? email;
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("usage: admin create --email <email> [--name <name>]  (password on stdin or in MUTUALAID_ADMIN_PASSWORD)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("MUTUALAID_ADMIN_PASSWORD") ?? (await Console.In.ReadLineAsync())?.Trim();
        await app.StartAsync();
        try
        {
            var result = await app.Services.GetRequiredService<AccountService>().CreateFirstAdmin(email, name!, password ?? "");
            if (result.IsOk)
            {
                Console.WriteLine($"Created network administrator {result.Value!.Email}.");
                return 0;
            }

            await Console.Error.WriteLineAsync(result.Message);
            return 1;
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
