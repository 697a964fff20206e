namespace MutualAid.Silo.Persistence;

/// <summary>
/// A grain changes its state in memory, then writes it. When the store refuses, memory must go back
/// to what the store still holds, or the next call would answer from a change that never happened.
/// </summary>
public static class StateWrites
{
    /// <summary>Writes the state; when the write fails, <paramref name="undo"/> puts memory back and the failure goes on to the caller.</summary>
    public static async Task WriteOrUndo<TState>(this IPersistentState<TState> state, Action undo)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(undo);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            undo();
            throw;
        }
    }

    /// <summary>Writes <paramref name="next"/> as the whole state, keeping the one before when the write fails.</summary>
    public static Task WriteOrKeep<TState>(this IPersistentState<TState> state, TState next)
    {
        ArgumentNullException.ThrowIfNull(state);
        var before = state.State;
        state.State = next;
        return state.WriteOrUndo(() => state.State = before);
    }
}
