global using Orleans;
global using Orleans.Hosting;
global using Orleans.Runtime;
global using MutualAid.Common;
global using MutualAid.Silo.Persistence;
// For [FromKeyedServices(TimeProviderNames.Grains)]: grains read the clock Orleans names for grains.
global using Microsoft.Extensions.DependencyInjection;
