namespace MutualAid.Regions;

[Alias("MutualAid.IRegionObserver")]
public interface IRegionObserver : IGrainObserver
{
    [OneWay, Alias("OnRegionChanged")] Task OnRegionChanged(RegionOverview overview);
}
