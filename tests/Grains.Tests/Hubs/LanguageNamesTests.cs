namespace MutualAid.Grains.Tests.Hubs;

public sealed class LanguageNamesTests
{
    [Theory]
    [InlineData("Spanish", "es")]
    [InlineData("español", "Spanish")]
    [InlineData("Español", "es-MX")]
    [InlineData(" spanish ", "SPANISH")]
    [InlineData("Arabic", "العربية")]
    [InlineData("pt_BR", "Portuguese")]
    [InlineData("Klingon", "klingon")]
    public void One_language_written_two_ways_is_the_same_language(string a, string b) => Assert.True(LanguageNames.Same(a, b), $"{a} / {b}");

    [Theory]
    [InlineData("Spanish", "English")]
    [InlineData("es", "en")]
    [InlineData("Portuguese", "Spanish")]
    [InlineData("Klingon", "Vulcan")]
    public void Different_languages_are_not_the_same(string a, string b) => Assert.False(LanguageNames.Same(a, b), $"{a} / {b}");
}
