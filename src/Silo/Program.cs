using Microsoft.Extensions.Hosting;
using MutualAid.Silo.Hosting;

try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.UseOrleans(silo => silo.AddMutualAid(builder.Configuration, builder.Environment.ContentRootPath));
    await builder.Build().RunAsync();
    return 0;
}
catch (StartupException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
