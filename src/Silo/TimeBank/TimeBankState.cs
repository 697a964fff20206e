using MutualAid.TimeBank;

namespace MutualAid.Silo.TimeBank;

[GenerateSerializer, Alias("MutualAid.Silo.TimeBankState")]
public sealed class TimeBankState
{
    /// <summary>Every transfer recorded in the scope, oldest first; the list is its own audit (who, when, why).</summary>
    [Id(0)] public List<HoursTransfer> Transfers { get; set; } = [];
}
