namespace MutualAid.Grains.Tests.Hubs;

/// <summary>Names become keys people can read in an address: accented letters keep their letter.</summary>
public sealed class SlugTests
{
    [Theory]
    [InlineData("Ciudad Ñandú", "ciudad-nandu")]
    [InlineData("São Paulo Norte", "sao-paulo-norte")]
    [InlineData("  Mill Lane  ", "mill-lane")]
    [InlineData("Crème brûlée & Co.", "creme-brulee-co")]
    [InlineData("Łódź", "odz")] // a letter with no accent to take off stays out, as before
    public void A_name_becomes_its_key(string name, string slug)
    {
        Assert.Equal(slug, MutualAid.Common.Slug.From(name));
        Assert.True(MutualAid.Common.Slug.IsValid(slug));
    }
}
