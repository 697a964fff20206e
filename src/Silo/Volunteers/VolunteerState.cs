using MutualAid.Volunteers;

namespace MutualAid.Silo.Volunteers;

[GenerateSerializer, Alias("MutualAid.Silo.VolunteerState")]
public sealed class VolunteerState
{
    [Id(0)] public VolunteerProfile? Profile { get; set; }
    [Id(1)] public int Version { get; set; }
    [Id(2)] public bool OnDuty { get; set; }
    [Id(3)] public List<Reservation> Reservations { get; set; } = [];
    [Id(4)] public List<TimeBankEntry> TimeBank { get; set; } = [];
    [Id(5)] public DateTimeOffset? LastCheckIn { get; set; }
    [Id(6)] public List<VolunteerNotice> Notices { get; set; } = [];

    /// <summary>The sign-in account bound to this volunteer (normalised email); null for imported volunteers not yet invited.</summary>
    [Id(7)] public string? AccountEmail { get; set; }
}
