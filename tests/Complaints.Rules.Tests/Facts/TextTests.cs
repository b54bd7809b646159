using Complaints.Rules.Facts;

namespace Complaints.Rules.Tests.Facts;

public sealed class TextTests
{
    [Theory]
    [InlineData("The delivery was late.", "late", true)]
    [InlineData("Lately the bills are wrong.", "late", true)]
    [InlineData("The number plate was scratched.", "late", false)]
    [InlineData("I was charged twice.", "charge", true)]
    [InlineData("He was discharged on Monday.", "charge", false)]
    [InlineData("By default the seat folds.", "fault", false)]
    [InlineData("Thanks for your cooperation.", "operation", false)]
    [InlineData("After the operation it hurt.", "operation", true)]
    [InlineData("他们乱收费。", "收费", true)]
    [InlineData("Anything", "", false)]
    [InlineData("", "late", false)]
    public void ContainsAny_LatinWordsStartAtAWordBoundary_OthersMatchAnywhere(string text, string words, bool expected) =>
        Text.ContainsAny(text, words).Should().Be(expected);

    [Fact]
    public void ContainsAny_SeveralWords_AnyOneMatches() =>
        Text.ContainsAny("The waiter was RUDE to us", "attitude | rude|态度").Should().BeTrue();

    [Theory]
    [InlineData("walk-in", "phone|walk-in", true)]
    [InlineData("Walk-In", "phone|walk-in", true)]
    [InlineData("walk", "phone|walk-in", false)]
    public void IsOneOf_WholeValueIgnoringCase(string value, string options, bool expected) =>
        Text.IsOneOf(value, options).Should().Be(expected);
}
