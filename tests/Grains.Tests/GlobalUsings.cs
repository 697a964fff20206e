global using MutualAid.Common;
global using MutualAid.Grains.Tests.Infrastructure;
global using Orleans;
