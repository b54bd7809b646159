using static Complaints.ComplaintRoles;

namespace Complaints.Demo;

/// <summary>The people and departments of the demo dealership (<c>auto-dealership</c> pack).</summary>
internal static class Dealership
{
    public static readonly DepartmentId CustomerRelations = new("customer-relations");
    public static readonly DepartmentId Service = new("service");

    public static readonly Actor Advisor = new(new("tang"), "Tang (customer-relations advisor)", ["advisor"], CustomerRelations);
    public static readonly Actor RelationsManager = new(new("luo"), "Luo (customer-relations mgr)", [Coordinator], CustomerRelations);
    public static readonly Actor ServiceAdvisor = new(new("zhou-s"), "Zhou (service advisor)", [Handler], Service);
    public static readonly Actor ServiceManager = new(new("deng"), "Deng (service manager)", [Manager], Service);
    public static readonly Actor GeneralManager = new(new("ma"), "Ma (general manager)", [ComplaintRoles.GeneralManager]);
}

/// <summary>The people and departments of the demo tobacco company (<c>tobacco-retail</c> pack).</summary>
internal static class Tobacco
{
    public static readonly DepartmentId Office = new("internal-management-office");
    public static readonly DepartmentId Sales = new("sales");

    public static readonly Actor Clerk = new(new("fang"), "Fang (internal-mgmt office)", [Coordinator], Office);
    public static readonly Actor Head = new(new("qin"), "Qin (head, managing dept)", [Manager], Office);
    public static readonly Actor Supervisor = new(new("hu"), "Hu (supervisor)", ["supervisor"], Office);
    public static readonly Actor CustomerManager = new(new("wang-g"), "Wang Gang (customer manager)", [Staff], Sales);
    public static readonly Actor SalesManager = new(new("lu"), "Lu (sales manager)", [Manager], Sales);
}

/// <summary>The people and departments of the demo food distributor (<c>food-service</c> pack).</summary>
internal static class Canteens
{
    public static readonly DepartmentId CustomerService = new("customer-service");
    public static readonly DepartmentId QualityControl = new("quality-control");
    public static readonly DepartmentId Management = new("management");

    public static readonly Actor DutyManager = new(new("kong"), "Kong (duty manager)", ["duty-manager", Coordinator], CustomerService);
    public static readonly Actor Inspector = new(new("bai"), "Bai (quality control)", [Handler], QualityControl);
    public static readonly Actor QualityManager = new(new("sun-q"), "Sun (manager in charge)", [Manager], QualityControl);
    public static readonly Actor GeneralManager = new(new("xu-g"), "Xu (general manager)", [ComplaintRoles.GeneralManager]);
    public static readonly Actor Specialist = new(new("yan"), "Yan (24-hour line)", [Coordinator], CustomerService);
}

/// <summary>The people and departments of the demo furniture shop (<c>generic</c> pack).</summary>
internal static class Shop
{
    public static readonly DepartmentId CustomerService = new("customer-service");
    public static readonly DepartmentId Logistics = new("logistics");

    public static readonly Actor Coordinator = new(new("ye"), "Ye (customer service)", [ComplaintRoles.Coordinator], CustomerService);
    public static readonly Actor Dispatcher = new(new("pan"), "Pan (dispatcher)", [Handler], Logistics);
    public static readonly Actor SeniorDispatcher = new(new("qiu"), "Qiu (senior dispatcher)", [Handler], Logistics);
    public static readonly Actor LogisticsManager = new(new("xie"), "Xie (logistics manager)", [Manager], Logistics);
}
