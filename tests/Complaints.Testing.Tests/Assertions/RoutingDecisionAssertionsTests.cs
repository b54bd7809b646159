using Complaints.Policy;
using Complaints.Testing.Tests.Support;
using Xunit.Sdk;

namespace Complaints.Testing.Tests.Assertions;

public sealed class RoutingDecisionAssertionsTests
{
    private static readonly RoutingDecision Decision = new(new DepartmentId("finance"), "handler", Why.Usual);

    [Fact]
    public void RouteToAndBeHandledBy_Matching_Pass() => Decision.Should().RouteTo("finance").And.BeHandledBy("Handler");

    [Fact]
    public void RouteTo_OtherDepartment_FailsWithDepartmentAndRole()
    {
        var act = () => Decision.Should().RouteTo("sales");

        act.Should().Throw<XunitException>().WithMessage("Expected * to route to \"sales\", but it routes to \"finance\", handled by role \"handler\".*");
    }

    [Fact]
    public void BeHandledBy_OtherRole_Fails()
    {
        var act = () => Decision.Should().BeHandledBy("manager");

        act.Should().Throw<XunitException>().WithMessage("*to be handled by role \"manager\", but it routes to \"finance\", handled by role \"handler\"*");
    }
}
