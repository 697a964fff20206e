using Microsoft.Extensions.Hosting;
using MutualAid.Silo.Hosting;

namespace MutualAid.Silo;

/// <summary>
/// A standalone silo. Not a top-level program: with ASP.NET Core referenced (the dashboard), the
/// SDK would make a public <c>Program</c> that collides with the web app's in every project seeing both.
/// </summary>
internal static class SiloProgram
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            if (MutualAid.Silo.Sqlite.Migration.MigrateCommand.Matches(args))
            {
                return await MutualAid.Silo.Sqlite.Migration.MigrateCommand.Run(args, Console.Out, (silo, configuration, root) => silo.AddMutualAid(configuration, root));
            }

            // Settings live beside the binary, so `dotnet MutualAid.Silo.dll` from any folder finds them.
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
            // The silo's own defaults sit beneath every other source (an appsettings.json an operator puts
            // beside the binary, environment variables, the command line). They live in code, not in a
            // settings file of this project, because the web app references this project and a second
            // appsettings.json would collide with its own when it is published.
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
            {
                InitialData = new Dictionary<string, string?>
                {
                    ["Logging:LogLevel:Default"] = "Information",
                    ["Logging:LogLevel:Orleans"] = "Warning",
                    ["Logging:LogLevel:Microsoft"] = "Warning",
                },
            });
            builder.UseOrleans(silo => silo.AddMutualAid(builder.Configuration, builder.Environment.ContentRootPath));
            builder.Services.AddMutualAidTelemetry(builder.Configuration, "mutualaid-silo", ownListener: true);
            await builder.Build().RunAsync();
            return 0;
        }
        catch (Exception error) when (StartupException.Find(error) is { } ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
