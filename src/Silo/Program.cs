using Microsoft.Extensions.Hosting;
using MutualAid.Silo.Hosting;

try
{
    if (MutualAid.Silo.Migration.MigrateCommand.Matches(args)) return await MutualAid.Silo.Migration.MigrateCommand.Run(args, Console.Out);

    // Settings live beside the binary, so `dotnet MutualAid.Silo.dll` from any folder finds them.
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.UseOrleans(silo => silo.AddMutualAid(builder.Configuration, builder.Environment.ContentRootPath));
    await builder.Build().RunAsync();
    return 0;
}
catch (Exception error) when (StartupException.Find(error) is { } ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
