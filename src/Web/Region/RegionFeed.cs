using System.Collections.Concurrent;
using MutualAid.Regions;

namespace MutualAid.Web.Region;

/// <summary>
/// One region subscription per web process, shared by every region overview on screen. Region
/// updates are whole overviews, so ordering is simply "keep the highest version".
/// </summary>
public sealed class RegionFeed(IGrainFactory grains, TimeProvider clock) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RegionChannel> channels = new(StringComparer.Ordinal);

    /// <summary><paramref name="onUpdate"/> is called with every newer overview, in the language of whoever watches.</summary>
    public async Task<IAsyncDisposable> Watch(string slug, Func<RegionOverview, Task> onUpdate, Action<RegionOverview?> initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        onUpdate = Localization.ReaderCulture.Kept(onUpdate);
        var channel = channels.GetOrAdd(slug, s => new RegionChannel(s, grains, clock));
        await channel.Start();
        initial(channel.Overview);
        return channel.Add(onUpdate);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in channels.Values) await channel.DisposeAsync();
    }

    private sealed class RegionChannel(string slug, IGrainFactory grains, TimeProvider clock) : IRegionObserver, IAsyncDisposable
    {
        private readonly Lock gate = new();
        private readonly List<Func<RegionOverview, Task>> watchers = [];
        private readonly SemaphoreSlim starting = new(1, 1);
        private IRegionObserver? reference;
        private ITimer? refresh;

        public RegionOverview? Overview { get; private set; }

        public async Task Start()
        {
            await starting.WaitAsync();
            try
            {
                if (reference is not null) return;
                reference = grains.CreateObjectReference<IRegionObserver>(this);
                Accept(await grains.GetGrain<IRegionGrain>(slug).Subscribe(reference));
                refresh = clock.CreateTimer(_ => _ = Resubscribe(), null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));
            }
            finally
            {
                starting.Release();
            }
        }

        public Releaser Add(Func<RegionOverview, Task> watcher)
        {
            lock (gate) watchers.Add(watcher);
            return new Releaser(() =>
            {
                lock (gate) watchers.Remove(watcher);
            });
        }

        public Task OnRegionChanged(RegionOverview overview)
        {
            Accept(overview);
            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            refresh?.Dispose();
            if (reference is not null) grains.DeleteObjectReference<IRegionObserver>(reference);
            starting.Dispose();
            await Task.CompletedTask;
        }

        private async Task Resubscribe()
        {
            try
            {
                Accept(await grains.GetGrain<IRegionGrain>(slug).Subscribe(reference!));
            }
            catch (OrleansException)
            {
                // The silo is restarting; the next tick retries.
            }
        }

        private void Accept(RegionOverview? overview)
        {
            Func<RegionOverview, Task>[] targets;
            lock (gate)
            {
                if (overview is null || (Overview is not null && overview.Version <= Overview.Version)) return;
                Overview = overview;
                targets = [.. watchers];
            }

            foreach (var watcher in targets) _ = watcher(overview);
        }
    }

    internal sealed class Releaser(Action release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            release();
            return ValueTask.CompletedTask;
        }
    }
}
