namespace MutualAid.Grains.Tests.Hubs;

/// <summary>One rule for "the same words" serves duplicate areas, offers nearby and an import's names.</summary>
public sealed class TextPlainTests
{
    [Theory]
    [InlineData(" Mill  Lane ", "mill lane")]
    [InlineData("MILL LANE", "mill lane")]
    [InlineData("Mill Lane", "mill lane")]
    public void Case_and_runs_of_spaces_do_not_tell_two_areas_apart(string typed, string plain) =>
        Assert.Equal(plain, Text.Plain(typed));

    [Fact]
    public void Different_words_stay_different() =>
        Assert.NotEqual(Text.Plain("Mill Lane"), Text.Plain("Millane"));
}
