global using Orleans;
global using Orleans.Hosting;
global using Orleans.Runtime;
global using MutualAid.Common;
global using MutualAid.Silo.Persistence;
