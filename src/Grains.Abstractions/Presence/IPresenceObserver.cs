namespace MutualAid.Presence;

[Alias("MutualAid.IPresenceObserver")]
public interface IPresenceObserver : IGrainObserver
{
    [OneWay, Alias("OnPresenceChanged")] Task OnPresenceChanged(PresenceSnapshot presence);
}
