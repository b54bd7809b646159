using System.Globalization;

namespace Complaints.Desk;

/// <summary>The desk's UI text in English and Simplified Chinese, chosen by the request's UI culture (<c>?culture=zh-CN</c> or the language link).</summary>
public static class Ui
{
    private static readonly Dictionary<string, (string En, string Zh)> Text = new()
    {
        ["app"] = ("Complaints desk", "投诉工作台"),
        ["desk"] = ("My desk", "我的工作台"),
        ["approvals"] = ("Approvals", "待审批"),
        ["intake"] = ("New complaint", "登记投诉"),
        ["report"] = ("Report", "分析报告"),
        ["signin"] = ("Sign in", "登录"),
        ["signout"] = ("Sign out", "退出"),
        ["signin.as"] = ("Sign in as one of the demo's people", "以演示人员身份登录"),
        ["signed.in.as"] = ("Signed in as", "当前用户"),
        ["case"] = ("Case", "案件"),
        ["state"] = ("State", "状态"),
        ["channel"] = ("Channel", "渠道"),
        ["complainant"] = ("Complainant", "投诉人"),
        ["phone"] = ("Phone", "电话"),
        ["email"] = ("Email", "电子邮件"),
        ["subject"] = ("Subject", "投诉对象"),
        ["subject.kind"] = ("Kind of subject", "对象类型"),
        ["subject.department"] = ("Department concerned", "涉及部门"),
        ["subject.staff"] = ("Staff member complained about", "被投诉人员"),
        ["description"] = ("Description", "投诉内容"),
        ["category"] = ("Category", "类别"),
        ["amount"] = ("Amount claimed", "索赔金额"),
        ["desired.remedy"] = ("What they want", "诉求"),
        ["organisation"] = ("Organisation", "单位"),
        ["attributes"] = ("The pack's intake details", "登记附加信息"),
        ["receive"] = ("Receive the complaint", "受理投诉"),
        ["none"] = ("(none)", "（无）"),
        ["fix.fields"] = ("The complaint was not recorded; correct the fields marked below.", "投诉未登记，请更正下列标出的字段。"),
        ["timeline"] = ("Timeline", "处理经过"),
        ["why"] = ("Why", "依据"),
        ["rules.checked"] = ("rules checked", "条规则已核对"),
        ["no.rule.matched"] = ("no rule matched", "无规则命中"),
        ["deadlines"] = ("Deadlines", "时限"),
        ["due"] = ("Due", "到期"),
        ["met"] = ("met", "已完成"),
        ["next.due"] = ("Next due", "最近到期"),
        ["actions"] = ("What you may do now", "您现在可以执行的操作"),
        ["no.actions"] = ("Nothing for you to do on this case now.", "您目前在本案件中没有可执行的操作。"),
        ["not.on.desk"] = ("(not offered on this desk)", "（本工作台未提供）"),
        ["done"] = ("Done", "已完成"),
        ["refused"] = ("Not done", "未执行"),
        ["may.not.see"] = ("You may not see this case.", "您无权查看此案件。"),
        ["not.found"] = ("There is no such case.", "没有此案件。"),
        ["handler"] = ("Handler", "承办人"),
        ["department"] = ("Department", "部门"),
        ["received"] = ("Received", "受理时间"),
        ["severity"] = ("Severity", "严重程度"),
        ["remedy"] = ("Remedy", "处理方案"),
        ["awaiting"] = ("Awaiting approval by", "待审批角色"),
        ["why.on.desk"] = ("Why here", "列入原因"),
        ["empty.desk"] = ("Nothing on your desk.", "您的工作台上没有案件。"),
        ["empty.inbox"] = ("Nothing awaits your approval.", "没有待您审批的案件。"),
        ["from"] = ("From", "起"),
        ["to"] = ("To", "止"),
        ["show"] = ("Show", "查看"),
        ["report.for.see.all"] = ("The report counts every case; it is for those who see every case (coordinators, general managers, auditors).", "报告统计全部案件，仅供可查看全部案件的人员（协调员、总经理、审计）使用。"),
        ["report.unavailable"] = ("This store does not compute the analysis.", "当前存储不支持统计分析。"),
        ["Assigned"] = ("yours to handle", "由您承办"),
        ["AwaitingApproval"] = ("awaits your approval", "待您审批"),
        ["AwaitingTriage"] = ("awaits triage", "待分办"),
        ["Overdue"] = ("overdue in your department", "本部门已超期"),
        ["more"] = ("More", "更多"),
        ["language"] = ("中文", "English"),
        ["error"] = ("Something went wrong.", "出错了。"),
    };

    /// <summary>Whether the request is in Chinese.</summary>
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text of <paramref name="key"/> in the request's language; the key itself if it has none (a missing string shows, it does not throw).</summary>
    public static string T(string key) => Text.TryGetValue(key, out var text) ? (IsChinese ? text.Zh : text.En) : key;

    /// <summary>The other language's culture name, for the switch.</summary>
    public static string OtherCulture => IsChinese ? "en" : "zh-CN";
}
