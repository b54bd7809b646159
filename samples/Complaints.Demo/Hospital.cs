using static Complaints.ComplaintRoles;

namespace Complaints.Demo;

/// <summary>The departments and people of the demo hospital.</summary>
internal static class Hospital
{
    public static readonly DepartmentId MedicalAffairs = new("medical-affairs");
    public static readonly DepartmentId Finance = new("finance");
    public static readonly DepartmentId GeneralOffice = new("general-office");
    public static readonly DepartmentId HospitalOffice = new("hospital-office");
    public static readonly DepartmentId Nursing = new("nursing");
    public static readonly DepartmentId Surgery = new("surgery");
    public static readonly DepartmentId PatientRelations = new("patient-relations");
    public static readonly DepartmentId ServiceDesk = new("service-desk");

    public static readonly Actor DeskClerk = new(new("xu"), "Xu (service desk)", [Staff], ServiceDesk);
    public static readonly Actor Coordinator = new(new("chen"), "Chen (patient relations)", [ComplaintRoles.Coordinator], PatientRelations);
    public static readonly Actor FinanceHandler = new(new("lin"), "Lin (finance)", [Handler], Finance);
    public static readonly Actor OfficeHandler = new(new("gao"), "Gao (general office)", [Handler], GeneralOffice);
    public static readonly Actor MedicalHandler = new(new("zhou"), "Dr Zhou (medical affairs)", [Handler], MedicalAffairs);
    public static readonly Actor HeadNurse = new(new("song"), "Song (head nurse)", [Handler], Nursing);
    public static readonly Actor FinanceManager = new(new("fu"), "Fu (finance manager)", [Manager], Finance);
    public static readonly Actor MedicalDirector = new(new("he"), "He (medical affairs dir.)", [Manager], MedicalAffairs);
    public static readonly Actor SurgeryChief = new(new("qian"), "Qian (chief of surgery)", [Manager], Surgery);
    public static readonly Actor President = new(new("huang"), "Huang (president)", [GeneralManager]);
    public static readonly Actor NurseLi = new(new("li"), "Nurse Li (ward 5)", [Staff], Nursing);
    public static readonly Actor DrWu = new(new("wu"), "Dr Wu (surgery)", [Staff], Surgery);
}
