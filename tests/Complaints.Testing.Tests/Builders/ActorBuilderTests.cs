namespace Complaints.Testing.Tests.Builders;

public sealed class ActorBuilderTests
{
    [Fact]
    public void Build_Defaults_PlainStaffNamedAfterTheId()
    {
        var actor = An.Actor("li").Build();

        actor.Should().BeEquivalentTo(new { Id = new ActorId("li"), Name = "li", Roles = new[] { ComplaintRoles.Staff }, Department = (DepartmentId?)null });
    }

    [Fact]
    public void Build_RolesDepartmentAndName_AreSet()
    {
        var actor = An.Actor("li").Named("Li Na").WithRoles("manager", "auditor").InDepartment("sales").Build();

        actor.Name.Should().Be("Li Na");
        actor.Roles.Should().Equal("manager", "auditor");
        actor.Department.Should().Be(new DepartmentId("sales"));
    }

    [Fact]
    public void ReadyMadePeople_HoldTheRolesTheirNamesSay()
    {
        A.Coordinator().HasRole(ComplaintRoles.Coordinator).Should().BeTrue();
        A.Handler().HasRole(ComplaintRoles.Handler).Should().BeTrue();
        A.Manager("m", "sales").Should().Match<Actor>(a => a.HasRole(ComplaintRoles.Manager) && a.Department == new DepartmentId("sales"));
        A.GeneralManager().HasRole(ComplaintRoles.GeneralManager).Should().BeTrue();
        A.Receiver().Roles.Should().Equal(ComplaintRoles.Staff);
    }
}
