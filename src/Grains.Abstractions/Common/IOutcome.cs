namespace MutualAid.Common;

/// <summary>What any command's answer says about how it went, whatever it returns when it succeeds.</summary>
public interface IOutcome
{
    ResultStatus Status { get; }

    Reason Reason { get; }
}
