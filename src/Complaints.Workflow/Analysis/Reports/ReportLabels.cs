using System.Collections.Frozen;
using System.Text;

namespace Complaints.Analysis.Reports;

/// <summary>
/// The words of a <see cref="PeriodReport"/>: headings, column headers, notes and the names of states, tiers, channels,
/// causes and other enum values. <see cref="English"/> is the default and <see cref="ChineseSimplified"/> is provided; a
/// host changes or adds words with <see cref="With"/>. A label a set lacks falls back to English.
/// </summary>
/// <remarks>
/// Keys are the names in <see cref="Keys"/> (e.g. <c>rootCauses.title</c>) and, for enum values, <c>Type.Value</c>
/// (e.g. <c>RootCause.StaffError</c>, <c>ComplaintState.AwaitingApproval</c>); an enum value without a label is shown as
/// its name in words (<c>Awaiting approval</c>). Some labels are composite formats with numbered placeholders
/// (<c>{0}</c>), as their English text shows.
/// </remarks>
public sealed class ReportLabels
{
    private static readonly FrozenDictionary<string, string> EnglishWords = new Dictionary<string, string>
    {
        ["report.title"] = "Complaints report",
        ["meta.organisation"] = "Organisation",
        ["meta.pack"] = "Policy pack",
        ["meta.allPacks"] = "all packs",
        ["meta.period"] = "Period",
        ["meta.asOf"] = "Figures as of",
        ["meta.generatedAt"] = "Generated",
        ["meta.filter"] = "Filter",
        ["meta.interval"] = "Trend by",
        ["meta.privacy"] = "Counts and durations only: no complainant's identity is in this report.",
        ["meta.durations"] = "Durations are elapsed time from receipt, not working time.",
        ["filter.department"] = "department",
        ["filter.category"] = "category",
        ["filter.severity"] = "severity",
        ["filter.channel"] = "channel",
        ["empty"] = "No cases were received in this period.",
        ["unit.hours"] = "h",
        ["unit.days"] = "d",
        ["col.figure"] = "Figure",
        ["col.value"] = "Value",
        ["col.cases"] = "Cases",
        ["col.share"] = "Share",
        ["col.percent"] = "Share (%)",
        ["summary.title"] = "Summary",
        ["summary.received"] = "Cases received",
        ["summary.open"] = "Still open",
        ["summary.closed"] = "Closed",
        ["summary.escalated"] = "Escalated at least once",
        ["summary.onTime"] = "Deadlines met on time (every kind)",
        ["summary.acknowledge"] = "Median time to acknowledge",
        ["summary.resolve"] = "Median time to resolve",
        ["summary.satisfied"] = "Satisfied at follow-up (of those reached)",
        ["trend.title"] = "Cases received over time",
        ["trend.chart"] = "Cases received per {0}",
        ["trend.desc"] = "A line of the cases received per {0}, {1} buckets from {2} to {3}; the highest is {4} (starting {5}).",
        ["col.start"] = "Starting",
        ["breakdowns.title"] = "Breakdowns",
        ["byState.title"] = "By state",
        ["byCategory.title"] = "By category",
        ["byDepartment.title"] = "By department",
        ["bySeverity.title"] = "By severity tier",
        ["byChannel.title"] = "By channel",
        ["byFinding.title"] = "By finding",
        ["col.state"] = "State",
        ["col.category"] = "Category",
        ["col.department"] = "Department",
        ["col.severity"] = "Severity tier",
        ["col.channel"] = "Channel",
        ["col.finding"] = "Finding",
        ["none.category"] = "(not classified)",
        ["none.department"] = "(not routed)",
        ["none.severity"] = "(not classified)",
        ["none.finding"] = "(no findings yet)",
        ["none"] = "(none)",
        ["rootCauses.title"] = "Root causes (Pareto)",
        ["rootCauses.text"] = "Cases with findings by root cause, most frequent first; the cumulative share shows the few causes behind most cases.",
        ["rootCauses.empty"] = "No findings were recorded for the period's cases.",
        ["rootCauses.desc"] = "Bars: cases per root cause, most frequent first; line: cumulative share (right axis, dashed at 80%). {0} accounts for {1} of the cases with findings.",
        ["col.cause"] = "Root cause",
        ["col.cumulative"] = "Cumulative share",
        ["col.cumulativePercent"] = "Cumulative share (%)",
        ["recurrence.title"] = "Recurrence",
        ["recurrence.text"] = "Cases that repeat an earlier case of the same pack received at most {0} days before it.",
        ["col.repeat"] = "Repeats",
        ["recurrence.complainant"] = "Same complainant",
        ["recurrence.subject"] = "Same subject",
        ["recurrence.cause"] = "Same root cause in the same department",
        ["deadlines.title"] = "Deadlines kept",
        ["deadlines.text"] = "On-time rate: met on time over met on time, met late and missed. Pending deadlines are not yet due; dropped ones belong to cases that ended first.",
        ["col.deadline"] = "Deadline",
        ["col.metOnTime"] = "Met on time",
        ["col.metLate"] = "Met late",
        ["col.missed"] = "Missed",
        ["col.pending"] = "Pending",
        ["col.dropped"] = "Dropped",
        ["col.onTimeRate"] = "On-time rate",
        ["col.onTimeRatePercent"] = "On-time rate (%)",
        ["times.title"] = "Time to acknowledge and to resolve",
        ["col.measure"] = "Measure",
        ["col.median"] = "Median",
        ["col.p90"] = "90th percentile",
        ["col.medianHours"] = "Median (hours)",
        ["col.p90Hours"] = "90th percentile (hours)",
        ["times.acknowledge"] = "Receipt to acknowledgement",
        ["times.resolve"] = "Receipt to closure",
        ["escalations.title"] = "Escalations",
        ["escalations.escalated"] = "Escalated at least once",
        ["remedies.title"] = "Remedies and their cost",
        ["remedies.empty"] = "No remedy is on record for the period's cases.",
        ["col.remedy"] = "Remedy",
        ["col.total"] = "Total amount",
        ["satisfaction.title"] = "Satisfaction at follow-up",
        ["satisfaction.text"] = "{0} cases had a follow-up (their last one counts); satisfied or very satisfied: {1} of those reached.",
        ["col.level"] = "Level",
        ["rewards.title"] = "Rewards and sanctions",
        ["rewards.table"] = "Rewards decided",
        ["rewards.decided"] = "Closures with a reward decision",
        ["rewards.eligible"] = "Of which the reporter was eligible",
        ["sanctions.table"] = "Sanctions assessed",
        ["sanctions.empty"] = "No sanction was assessed on the period's cases.",
        ["col.sanction"] = "Sanction",
        ["col.count"] = "Count",
        ["departments.title"] = "Per department (for the weekly meeting)",
        ["departments.chart"] = "On-time rate by department",
        ["departments.desc"] = "Bars: the share of each department's deadlines met on time, 0 to 100%; {0} departments.",
        ["departments.noDeadlines"] = "no deadlines due",
        ["col.received"] = "Received",
        ["col.open"] = "Open",
        ["col.closed"] = "Closed",
        ["col.overdue"] = "Overdue",
        ["col.medianResolve"] = "Median time to resolve",
        ["col.medianResolveHours"] = "Median time to resolve (hours)",
        ["chart.table"] = "The table below holds the same figures.",
        ["chart.showTable"] = "Show the figures as a table",
        ["capa.title"] = "Corrective actions",
        ["capa.text"] = "Corrective and preventive actions of the pack and filter (the tier and channel do not apply to actions). Open and awaiting verification: as of the figures' time, whenever proposed; proposed, verified, declined and cancelled: in the period.",
        ["capa.empty"] = "No corrective or preventive action was open, awaiting verification or decided in this period.",
        ["capa.table"] = "Where the actions stand",
        ["capa.proposed"] = "Proposed in the period",
        ["capa.awaitingApproval"] = "Awaiting approval",
        ["capa.inProgress"] = "In progress",
        ["capa.overdue"] = "Open and overdue",
        ["capa.awaitingVerification"] = "Completed, awaiting verification",
        ["capa.verificationOverdue"] = "Of which the verification is overdue",
        ["capa.verified"] = "Verified effective in the period",
        ["capa.ineffective"] = "Found ineffective in the period",
        ["capa.declined"] = "Declined in the period",
        ["capa.cancelled"] = "Cancelled in the period",
        ["capa.col.actions"] = "Actions",
        ["capa.departments"] = "Actions per department",
        ["capa.col.proposed"] = "Proposed",
        ["capa.col.open"] = "Open",
        ["capa.col.overdue"] = "Overdue",
        ["capa.col.awaitingVerification"] = "Awaiting verification",
        ["capa.col.verified"] = "Verified effective",
        ["capa.col.ineffective"] = "Ineffective",
        ["capa.list"] = "Open and overdue actions",
        ["capa.col.title"] = "Action",
        ["capa.col.owner"] = "Owner",
        ["capa.col.state"] = "State",
        ["capa.col.due"] = "Due",
        ["capa.col.overdueFlag"] = "Overdue",
        ["capa.yes"] = "yes",
        ["capa.no"] = "no",
        ["capa.chart"] = "Running actions by where they stand",
        ["capa.desc"] = "One bar of the {0} running actions split by where they stand: {1}.",
        ["capa.seg.onTime"] = "Open, on time",
        ["capa.seg.overdue"] = "Open, overdue",
        ["capa.seg.verification"] = "Awaiting verification",
        ["capa.seg.verificationOverdue"] = "Verification overdue",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>English names of enum values where the name in words does not read well in a sentence.</summary>
    private static readonly FrozenDictionary<string, string> EnglishEnumWords = new Dictionary<string, string>
    {
        ["TrendInterval.Day"] = "day",
        ["TrendInterval.Week"] = "week",
        ["TrendInterval.Month"] = "month",
        ["CorrectiveActionState.Open"] = "In progress",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ChineseWords = new Dictionary<string, string>
    {
        ["report.title"] = "投诉分析报告",
        ["meta.organisation"] = "单位",
        ["meta.pack"] = "政策包",
        ["meta.allPacks"] = "全部政策包",
        ["meta.period"] = "期间",
        ["meta.asOf"] = "数据截至",
        ["meta.generatedAt"] = "生成时间",
        ["meta.filter"] = "筛选",
        ["meta.interval"] = "趋势单位",
        ["meta.privacy"] = "本报告只含数量和时长，不含任何投诉人身份信息。",
        ["meta.durations"] = "时长为自受理起经过的时间，非工作时间。",
        ["filter.department"] = "部门",
        ["filter.category"] = "类别",
        ["filter.severity"] = "严重程度",
        ["filter.channel"] = "渠道",
        ["empty"] = "本期间未受理投诉。",
        ["unit.hours"] = "小时",
        ["unit.days"] = "天",
        ["col.figure"] = "指标",
        ["col.value"] = "数值",
        ["col.cases"] = "件数",
        ["col.share"] = "占比",
        ["col.percent"] = "占比（%）",
        ["summary.title"] = "概要",
        ["summary.received"] = "受理件数",
        ["summary.open"] = "未结件数",
        ["summary.closed"] = "已结案",
        ["summary.escalated"] = "曾升级",
        ["summary.onTime"] = "按时完成的时限（全部类型）",
        ["summary.acknowledge"] = "受理告知时间中位数",
        ["summary.resolve"] = "办结时间中位数",
        ["summary.satisfied"] = "回访满意率（已联系上者）",
        ["trend.title"] = "受理量趋势",
        ["trend.chart"] = "每{0}受理件数",
        ["trend.desc"] = "每{0}受理件数折线图，共{1}个区间，自{2}至{3}；最高为{4}件（{5}起）。",
        ["col.start"] = "起始",
        ["breakdowns.title"] = "分类统计",
        ["byState.title"] = "按状态",
        ["byCategory.title"] = "按类别",
        ["byDepartment.title"] = "按部门",
        ["bySeverity.title"] = "按严重程度",
        ["byChannel.title"] = "按渠道",
        ["byFinding.title"] = "按调查结论",
        ["col.state"] = "状态",
        ["col.category"] = "类别",
        ["col.department"] = "部门",
        ["col.severity"] = "严重程度",
        ["col.channel"] = "渠道",
        ["col.finding"] = "调查结论",
        ["none.category"] = "（未分类）",
        ["none.department"] = "（未分派）",
        ["none.severity"] = "（未定级）",
        ["none.finding"] = "（尚无结论）",
        ["none"] = "（无）",
        ["rootCauses.title"] = "根本原因（帕累托）",
        ["rootCauses.text"] = "有调查结论的投诉按根本原因统计，由多到少；累计占比显示造成大多数投诉的少数原因。",
        ["rootCauses.empty"] = "本期间投诉尚无调查结论。",
        ["rootCauses.desc"] = "柱：各根本原因的件数，由多到少；线：累计占比（右轴，80%处虚线）。{0}占有结论投诉的{1}。",
        ["col.cause"] = "根本原因",
        ["col.cumulative"] = "累计占比",
        ["col.cumulativePercent"] = "累计占比（%）",
        ["recurrence.title"] = "重复投诉",
        ["recurrence.text"] = "在同一政策包中，与{0}天内较早投诉重复的投诉。",
        ["col.repeat"] = "重复类型",
        ["recurrence.complainant"] = "同一投诉人",
        ["recurrence.subject"] = "同一投诉对象",
        ["recurrence.cause"] = "同一部门的同一根本原因",
        ["deadlines.title"] = "时限执行情况",
        ["deadlines.text"] = "按时率：按时完成数除以按时完成、逾期完成与已超期之和。未到期的时限不计；已终止的属于先行结束的投诉。",
        ["col.deadline"] = "时限",
        ["col.metOnTime"] = "按时完成",
        ["col.metLate"] = "逾期完成",
        ["col.missed"] = "已超期",
        ["col.pending"] = "未到期",
        ["col.dropped"] = "已终止",
        ["col.onTimeRate"] = "按时率",
        ["col.onTimeRatePercent"] = "按时率（%）",
        ["times.title"] = "受理告知与办结用时",
        ["col.measure"] = "指标",
        ["col.median"] = "中位数",
        ["col.p90"] = "第90百分位",
        ["col.medianHours"] = "中位数（小时）",
        ["col.p90Hours"] = "第90百分位（小时）",
        ["times.acknowledge"] = "受理至告知",
        ["times.resolve"] = "受理至结案",
        ["escalations.title"] = "升级",
        ["escalations.escalated"] = "曾升级",
        ["remedies.title"] = "处理措施与费用",
        ["remedies.empty"] = "本期间投诉无处理措施记录。",
        ["col.remedy"] = "处理措施",
        ["col.total"] = "金额合计",
        ["satisfaction.title"] = "回访满意度",
        ["satisfaction.text"] = "{0}件有回访（以最后一次为准）；已联系上者中满意或非常满意：{1}。",
        ["col.level"] = "满意度",
        ["rewards.title"] = "奖励与处罚",
        ["rewards.table"] = "奖励决定",
        ["rewards.decided"] = "结案时作出奖励决定",
        ["rewards.eligible"] = "其中举报人符合奖励条件",
        ["sanctions.table"] = "处罚",
        ["sanctions.empty"] = "本期间投诉未作处罚。",
        ["col.sanction"] = "处罚",
        ["col.count"] = "次数",
        ["departments.title"] = "各部门情况（周会通报）",
        ["departments.chart"] = "各部门按时率",
        ["departments.desc"] = "柱：各部门时限按时完成的比例，0至100%；共{0}个部门。",
        ["departments.noDeadlines"] = "无到期时限",
        ["col.received"] = "受理",
        ["col.open"] = "未结",
        ["col.closed"] = "已结案",
        ["col.overdue"] = "超期",
        ["col.medianResolve"] = "办结时间中位数",
        ["col.medianResolveHours"] = "办结时间中位数（小时）",
        ["chart.table"] = "下表列出相同数据。",
        ["chart.showTable"] = "以表格显示数据",
        ["capa.title"] = "纠正预防措施",
        ["capa.text"] = "所选投诉类型及条件下的纠正预防措施（严重程度和渠道不适用于措施）。未完成和待验证的措施按数据截止时间统计，不论何时提出；提出、验证、不予批准和撤销的措施按本期统计。",
        ["capa.empty"] = "本期没有未完成、待验证或已有结论的纠正预防措施。",
        ["capa.table"] = "措施进展",
        ["capa.proposed"] = "本期提出",
        ["capa.awaitingApproval"] = "待审批",
        ["capa.inProgress"] = "实施中",
        ["capa.overdue"] = "未完成且已超期",
        ["capa.awaitingVerification"] = "已完成，待验证效果",
        ["capa.verificationOverdue"] = "其中验证已超期",
        ["capa.verified"] = "本期验证有效",
        ["capa.ineffective"] = "本期验证无效",
        ["capa.declined"] = "本期不予批准",
        ["capa.cancelled"] = "本期撤销",
        ["capa.col.actions"] = "措施数",
        ["capa.departments"] = "各部门措施",
        ["capa.col.proposed"] = "提出",
        ["capa.col.open"] = "未完成",
        ["capa.col.overdue"] = "超期",
        ["capa.col.awaitingVerification"] = "待验证",
        ["capa.col.verified"] = "验证有效",
        ["capa.col.ineffective"] = "验证无效",
        ["capa.list"] = "未完成及超期措施",
        ["capa.col.title"] = "措施",
        ["capa.col.owner"] = "负责人",
        ["capa.col.state"] = "状态",
        ["capa.col.due"] = "期限",
        ["capa.col.overdueFlag"] = "超期",
        ["capa.yes"] = "是",
        ["capa.no"] = "否",
        ["capa.chart"] = "进行中的措施按状态分布",
        ["capa.desc"] = "一条横条表示进行中的{0}项措施，按状态分段：{1}。",
        ["capa.seg.onTime"] = "未完成，未超期",
        ["capa.seg.overdue"] = "未完成，已超期",
        ["capa.seg.verification"] = "待验证",
        ["capa.seg.verificationOverdue"] = "验证已超期",
        ["CorrectiveActionState.AwaitingApproval"] = "待审批",
        ["CorrectiveActionState.Open"] = "实施中",
        ["CorrectiveActionState.Completed"] = "已完成",
        ["CorrectiveActionState.Verified"] = "验证有效",
        ["CorrectiveActionState.Ineffective"] = "验证无效",
        ["CorrectiveActionState.Declined"] = "不予批准",
        ["CorrectiveActionState.Cancelled"] = "已撤销",
        ["TrendInterval.Day"] = "日",
        ["TrendInterval.Week"] = "周",
        ["TrendInterval.Month"] = "月",
        ["ComplaintState.Received"] = "已受理",
        ["ComplaintState.Open"] = "处理中",
        ["ComplaintState.Triaged"] = "已分类",
        ["ComplaintState.Assigned"] = "已分派",
        ["ComplaintState.Investigating"] = "调查中",
        ["ComplaintState.AwaitingApproval"] = "待审批",
        ["ComplaintState.Approved"] = "已审批",
        ["ComplaintState.AwaitingCustomer"] = "待客户答复",
        ["ComplaintState.Implementing"] = "落实中",
        ["ComplaintState.FollowUp"] = "回访",
        ["ComplaintState.Closed"] = "已结案",
        ["ComplaintState.Rejected"] = "不予受理",
        ["ComplaintState.Redirected"] = "已引导至他处",
        ["ComplaintState.Withdrawn"] = "已撤回",
        ["Severity.Minor"] = "轻微",
        ["Severity.General"] = "一般",
        ["Severity.Serious"] = "严重",
        ["Severity.Major"] = "重大",
        ["Channel.Phone"] = "电话",
        ["Channel.Hotline"] = "投诉热线",
        ["Channel.Email"] = "电子邮件",
        ["Channel.OnlineForm"] = "网上表单",
        ["Channel.Chat"] = "在线咨询",
        ["Channel.SocialMedia"] = "社交媒体",
        ["Channel.Letter"] = "信函",
        ["Channel.SuggestionBox"] = "意见箱",
        ["Channel.WalkIn"] = "来访",
        ["Channel.OnSite"] = "现场",
        ["FindingOutcome.Substantiated"] = "属实",
        ["FindingOutcome.PartlySubstantiated"] = "部分属实",
        ["FindingOutcome.NotSubstantiated"] = "不属实",
        ["RootCause.ProductDefect"] = "产品缺陷",
        ["RootCause.ProcessGap"] = "流程缺陷",
        ["RootCause.StaffError"] = "员工失误",
        ["RootCause.External"] = "外部原因",
        ["RootCause.CustomerMisunderstanding"] = "客户误解",
        ["RootCause.Undetermined"] = "未确定",
        ["DeadlineKind.Acknowledge"] = "受理告知",
        ["DeadlineKind.Propose"] = "提出处理方案",
        ["DeadlineKind.Resolve"] = "答复处理结果",
        ["DeadlineKind.NotifyResult"] = "书面告知结果",
        ["DeadlineKind.FollowUp"] = "回访",
        ["RemedyKind.Apology"] = "道歉",
        ["RemedyKind.Explanation"] = "解释说明",
        ["RemedyKind.Repair"] = "维修",
        ["RemedyKind.Replacement"] = "更换",
        ["RemedyKind.Refund"] = "退款",
        ["RemedyKind.Compensation"] = "赔偿",
        ["RemedyKind.CorrectiveAction"] = "整改措施",
        ["Satisfaction.VeryDissatisfied"] = "非常不满意",
        ["Satisfaction.Dissatisfied"] = "不满意",
        ["Satisfaction.Neutral"] = "一般",
        ["Satisfaction.Satisfied"] = "满意",
        ["Satisfaction.VerySatisfied"] = "非常满意",
        ["Satisfaction.Unreachable"] = "无法联系",
        ["SanctionKind.Warning"] = "警告",
        ["SanctionKind.Demerit"] = "记过",
        ["SanctionKind.Fine"] = "罚款",
        ["SanctionKind.Dismissal"] = "辞退",
        ["SanctionKind.Referral"] = "移送司法机关",
        ["SanctionKind.LiabilityForLosses"] = "承担经济损失",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, string> _words;

    private ReportLabels(string language, FrozenDictionary<string, string> words)
    {
        Language = language;
        _words = words;
    }

    /// <summary>English, the default.</summary>
    public static ReportLabels English { get; } = new("en", EnglishWords);

    /// <summary>Simplified Chinese (<c>zh-CN</c>), in the words of the source documents where they have one.</summary>
    public static ReportLabels ChineseSimplified { get; } = new("zh-CN", ChineseWords);

    /// <summary>The language of the labels as a BCP 47 tag (<c>en</c>, <c>zh-CN</c>): the HTML page's <c>lang</c>.</summary>
    public string Language { get; }

    /// <summary>Every key a set of labels may give, apart from enum values (<c>Type.Value</c>).</summary>
    public static IReadOnlyCollection<string> Keys => EnglishWords.Keys;

    /// <summary>The label of <paramref name="key"/>: this set's, else the English one, else the key itself.</summary>
    /// <param name="key">The key, e.g. <c>rootCauses.title</c> or <c>RootCause.StaffError</c>.</param>
    /// <returns>The label.</returns>
    public string this[string key] =>
        _words.TryGetValue(key, out var word) || EnglishWords.TryGetValue(key, out word) ? word : key;

    /// <summary>The label of an enum value: the key <c>Type.Value</c>, else the value's name in words (<c>Awaiting approval</c>).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The label.</returns>
    public string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Named(typeof(TEnum).Name, value.ToString());

    /// <summary>
    /// These labels with some replaced or added, e.g. a plant's own word for a heading, or a whole translation.
    /// </summary>
    /// <param name="labels">The labels by key: a key of <see cref="Keys"/> or an enum value's <c>Type.Value</c>.</param>
    /// <param name="language">The BCP 47 tag of the result; <see langword="null"/> keeps <see cref="Language"/>.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentException">A key is not a label of a report (the message names it).</exception>
    public ReportLabels With(IReadOnlyDictionary<string, string> labels, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var words = new Dictionary<string, string>(_words, StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            if (!EnglishWords.ContainsKey(key) && !IsEnumKey(key))
            {
                throw new ArgumentException(
                    $"'{key}' is not a report label: use a key of ReportLabels.Keys or an enum value's Type.Value (e.g. RootCause.StaffError).",
                    nameof(labels));
            }

            words[key] = value ?? throw new ArgumentException($"The label '{key}' is null.", nameof(labels));
        }

        return new ReportLabels(language ?? Language, words.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The label of an enum value given by its type's and value's names (for keys held as strings, e.g. a state's name).</summary>
    internal string Named(string type, string value) =>
        _words.TryGetValue(type + "." + value, out var word) || EnglishEnumWords.TryGetValue(type + "." + value, out word)
            ? word
            : Words(value);

    private static readonly FrozenSet<Type> EnumTypes = new[]
    {
        typeof(TrendInterval), typeof(ComplaintState), typeof(Severity), typeof(Channel), typeof(FindingOutcome), typeof(RootCause),
        typeof(DeadlineKind), typeof(RemedyKind), typeof(Satisfaction), typeof(Policy.SanctionKind), typeof(Improvement.CorrectiveActionState),
    }.ToFrozenSet();

    private static bool IsEnumKey(string key) => IsEnumKey(key, EnumTypes);

    /// <summary>Whether <paramref name="key"/> is <c>Type.Value</c> of a value of one of <paramref name="types"/> (the notice templates' words use it too).</summary>
    internal static bool IsEnumKey(string key, IReadOnlySet<Type> types)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return false;
        }

        var type = types.FirstOrDefault(t => key.AsSpan(0, dot).SequenceEqual(t.Name));
        return type is not null && Enum.GetNames(type).Contains(key[(dot + 1)..], StringComparer.Ordinal);
    }

    /// <summary><c>AwaitingApproval</c> → <c>Awaiting approval</c>.</summary>
    private static string Words(string name)
    {
        var s = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsAsciiLetterUpper(c))
            {
                s.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                s.Append(c);
            }
        }

        return s.ToString();
    }
}
