namespace Complaints.Workflow.Tests.Support;

/// <summary>The cast of the workflow tests. The accused, Wang, works in sales.</summary>
internal static class People
{
    public static readonly DepartmentId Sales = new("sales");
    public static readonly DepartmentId ServiceDept = new("service");
    public static readonly DepartmentId CustomerRelations = new("customer-relations");

    public static readonly Actor Coordinator = new(new ActorId("coord"), "Chen (customer relations)", [ComplaintRoles.Coordinator], CustomerRelations);
    public static readonly Actor Receiver = new(new ActorId("desk"), "Desk clerk", [ComplaintRoles.Staff], new DepartmentId("front-desk"));
    public static readonly Actor Handler = new(new ActorId("han"), "Han (service)", [ComplaintRoles.Handler], ServiceDept);
    public static readonly Actor Handler2 = new(new ActorId("li"), "Li (service)", [ComplaintRoles.Handler], ServiceDept);
    public static readonly Actor SalesHandler = new(new ActorId("zhao"), "Zhao (sales)", [ComplaintRoles.Handler], Sales);
    public static readonly Actor Manager = new(new ActorId("mgr"), "Service manager", [ComplaintRoles.Manager], ServiceDept);
    public static readonly Actor SalesManager = new(new ActorId("smgr"), "Sales manager", [ComplaintRoles.Manager], Sales);
    public static readonly Actor GeneralManager = new(new ActorId("gm"), "General manager", [ComplaintRoles.GeneralManager]);
    public static readonly Actor Accused = new(new ActorId("wang"), "Wang (sales)", [ComplaintRoles.Staff], Sales);
    public static readonly Actor SalesClerk = new(new ActorId("sun"), "Sun (sales)", [ComplaintRoles.Staff], Sales);
    public static readonly Actor Auditor = new(new ActorId("aud"), "Auditor", [ComplaintRoles.Auditor]);
    public static readonly Actor Outsider = new(new ActorId("out"), "Warehouse clerk", [ComplaintRoles.Staff], new DepartmentId("warehouse"));

    public static readonly Actor[] All =
        [Coordinator, Receiver, Handler, Handler2, SalesHandler, Manager, SalesManager, GeneralManager, Accused, SalesClerk, Auditor, Outsider];
}
