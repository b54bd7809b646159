using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Complaints.Analysis.Reports;
using Complaints.Improvement;
using Complaints.Policy;

namespace Complaints.Workflow.Notifications;

/// <summary>
/// The texts of the notifications the workflow writes — acknowledgement, result notice, survey, rejection,
/// redirection, extension, progress, and the messages to staff — one template per key and culture, with named
/// placeholders (<c>{case}</c>, <c>{due}</c>, <c>{deadline}</c> …). English (<see cref="English"/>) and Simplified
/// Chinese (<see cref="ChineseSimplified"/>) are shipped; a host replaces single templates, words or formats, or adds
/// a culture, with <see cref="With"/> and registers the result with <c>AddComplaints().UseNoticeTemplates(…)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Keys are those of <see cref="Placeholders"/> (each with the placeholders its template may use), plus the words of
/// enum values (<c>DeadlineKind.Resolve</c>, <c>Severity.Major</c>, <c>RemedyKind.Refund</c>, <c>RootCause.StaffError</c>,
/// <c>ComplaintState.Investigating</c>, <c>CorrectiveActionDeadlineKind.Verification</c>), the words of journal events
/// (<c>event.investigation-started</c>) and the formats (<c>format.date</c>, <c>format.time</c>: .NET custom date formats,
/// applied to the time in UTC). A template writes a literal brace as <c>{{</c> or <c>}}</c>.
/// </para>
/// <para>
/// A culture is chosen per case (<see cref="CultureFor"/>): the intake's <see cref="ComplaintIntake.Culture"/>, else
/// the policy's <see cref="IComplaintPolicy.Culture"/>, else <see cref="DefaultCulture"/>; a tag without templates falls
/// back to its parent (<c>zh-Hans</c>, <c>zh</c>, <c>zh-TW</c> → <c>zh-CN</c>; <c>en-GB</c> → <c>en</c>), and an unknown one to
/// <see cref="DefaultCulture"/>. A key a culture lacks is taken from English.
/// </para>
/// </remarks>
public sealed class NoticeTemplates
{
    /// <summary>English: <c>en</c>, the default culture.</summary>
    public const string English = "en";

    /// <summary>Simplified Chinese: <c>zh-CN</c>.</summary>
    public const string ChineseSimplified = "zh-CN";

    private static readonly FrozenDictionary<string, string[]> Keys = new Dictionary<string, string[]>
    {
        // To the complainant.
        ["acknowledgement.subject"] = ["case"],
        ["acknowledgement.body"] = ["case", "due"],
        ["acknowledgement.body.undated"] = ["case"],
        ["resultNotice.subject"] = ["case"],
        ["survey.subject"] = ["case"],
        ["survey.body"] = ["case"],
        ["rejection.subject"] = ["case"],
        ["rejection.body"] = ["case", "reason"],
        ["redirection.subject"] = ["case"],
        ["redirection.body"] = ["case", "to", "reason"],
        ["extension.subject"] = ["case"],
        ["extension.body"] = ["case", "reason", "due"],
        ["progress.subject"] = ["case"],
        ["progress.body"] = ["case", "due"],
        ["news.subject"] = ["case"],
        ["news.body"] = ["case", "event"],

        // To staff: {about} is the case described by about / about.unclassified.
        ["about"] = ["case", "classification", "subject"],
        ["about.unclassified"] = ["case", "subject"],
        ["assignment.subject"] = ["case"],
        ["assignment.body"] = ["about"],
        ["approval.subject"] = ["case"],
        ["approval.body"] = ["about", "remedy"],
        ["approval.next.body"] = ["about"],
        ["sanctions.subject"] = ["case"],
        ["sanctions.body"] = ["about", "misconduct", "person"],
        ["deadlineWarning.subject"] = ["case", "deadline"],
        ["deadlineWarning.body"] = ["about", "deadline", "due"],
        ["deadlineBreach.subject"] = ["case", "deadline"],
        ["deadlineBreach.body"] = ["about", "deadline", "due"],
        ["escalation.subject"] = ["case", "level"],
        ["escalation.body"] = ["about", "level", "reason"],
        ["staffNotice.subject"] = ["case", "event"],
        ["staffNotice.triaged"] = ["about"],
        ["staffNotice.triaged.routed"] = ["about", "department"],
        ["staffNotice.redirected"] = ["about", "to"],
        ["staffNotice.deadline"] = ["about", "event", "deadline", "due"],
        ["staffNotice.other"] = ["about", "event"],

        // About corrective actions, to staff: {action} is the action described by action.about / action.about.department.
        ["action.about"] = ["id", "title", "cause", "description", "origin"],
        ["action.about.department"] = ["id", "title", "cause", "description", "department", "origin"],
        ["action.origin.analysis"] = [],
        ["action.origin.one"] = [],
        ["action.origin.many"] = ["count"],
        ["action.approval.subject"] = ["title"],
        ["action.approval.body"] = ["action", "days"],
        ["action.deadlineWarning.subject"] = ["title", "deadline"],
        ["action.deadlineWarning.body"] = ["action", "deadline", "due"],
        ["action.deadlineBreach.subject"] = ["title", "deadline"],
        ["action.deadlineBreach.body"] = ["action", "deadline", "due"],

        // Punctuation: the full stop added to a reason that has none, the separator of a list, what joins two sentences.
        ["format.fullStop"] = [],
        ["format.separator"] = [],
        ["format.sentenceJoin"] = [],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> DateFormats = new[] { "format.date", "format.time" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<Type> WordTypes = new[]
    {
        typeof(DeadlineKind), typeof(Severity), typeof(RemedyKind), typeof(RootCause), typeof(ComplaintState), typeof(CorrectiveActionDeadlineKind),
    }.ToFrozenSet();

    private static readonly FrozenDictionary<string, string> EnglishTexts = new Dictionary<string, string>
    {
        ["acknowledgement.subject"] = "Your complaint {case} was received",
        ["acknowledgement.body"] = "We received your complaint {case} and will reply by {due}.",
        ["acknowledgement.body.undated"] = "We received your complaint {case} and will reply by the time our policy sets.",
        ["resultNotice.subject"] = "The decision on your complaint {case}",
        ["survey.subject"] = "How did we do on your complaint {case}?",
        ["survey.body"] = "We have carried out what we agreed on your complaint {case}. Please tell us how satisfied you are.",
        ["rejection.subject"] = "Your complaint {case} cannot be taken up",
        ["rejection.body"] = "We cannot take up your complaint {case}: {reason}",
        ["redirection.subject"] = "Where to take your complaint {case}",
        ["redirection.body"] = "Your complaint {case} is for {to} to handle, and we ask you to take it to them. {reason}",
        ["extension.subject"] = "More time is needed for your complaint {case}",
        ["extension.body"] = "We need more time for your complaint {case}: {reason} We will now reply by {due}.",
        ["progress.subject"] = "Where your complaint {case} stands",
        ["progress.body"] = "We promised you an answer on your complaint {case} by {due}. There is no result yet: we are still working on it and will tell you as soon as there is.",
        ["news.subject"] = "News of your complaint {case}",
        ["news.body"] = "There is news of your complaint {case}: {event}.",
        ["about"] = "complaint {case} ({classification}, about {subject})",
        ["about.unclassified"] = "complaint {case} (about {subject})",
        ["assignment.subject"] = "Complaint {case} was assigned to you",
        ["assignment.body"] = "You are now responsible for {about}.",
        ["approval.subject"] = "Approval needed for complaint {case}",
        ["approval.body"] = "A remedy ({remedy}) was proposed for {about} and needs your approval.",
        ["approval.next.body"] = "The remedy for {about} was approved by the previous step and now needs your approval.",
        ["sanctions.subject"] = "Sanctions on complaint {case} need your confirmation",
        ["sanctions.body"] = "Sanctions for {misconduct} by {person} on {about} were proposed and are not in force until you confirm them (assess the same person and misconduct).",
        ["deadlineWarning.subject"] = "The {deadline} deadline of complaint {case} is near",
        ["deadlineWarning.body"] = "The {deadline} deadline of {about} is due at {due}.",
        ["deadlineBreach.subject"] = "The {deadline} deadline of complaint {case} was breached",
        ["deadlineBreach.body"] = "The {deadline} deadline of {about} was due at {due} and was missed.",
        ["escalation.subject"] = "Complaint {case} was escalated to level {level}",
        ["escalation.body"] = "{about} was escalated to level {level}: {reason}",
        ["staffNotice.subject"] = "Complaint {case}: {event}",
        ["staffNotice.triaged"] = "{about} was triaged.",
        ["staffNotice.triaged.routed"] = "{about} was triaged and routed to {department}.",
        ["staffNotice.redirected"] = "{about} was redirected to {to}.",
        ["staffNotice.deadline"] = "{about}: {event} ({deadline} deadline, due {due}).",
        ["staffNotice.other"] = "{about}: {event}.",
        ["action.about"] = "corrective action {id} \"{title}\" (root cause {cause}: {description}; {origin})",
        ["action.about.department"] = "corrective action {id} \"{title}\" (root cause {cause}: {description}, department {department}; {origin})",
        ["action.origin.analysis"] = "from analysis",
        ["action.origin.one"] = "arising from 1 case",
        ["action.origin.many"] = "arising from {count} cases",
        ["action.approval.subject"] = "Approval needed for corrective action \"{title}\"",
        ["action.approval.body"] = "{action} was proposed, to be completed {days} working days after approval, and needs your approval.",
        ["action.deadlineWarning.subject"] = "The {deadline} deadline of corrective action \"{title}\" is near",
        ["action.deadlineWarning.body"] = "The {deadline} deadline of {action} is due at {due}.",
        ["action.deadlineBreach.subject"] = "The {deadline} deadline of corrective action \"{title}\" was missed",
        ["action.deadlineBreach.body"] = "The {deadline} deadline of {action} was due at {due} and was missed.",
        ["format.fullStop"] = ".",
        ["format.separator"] = ", ",
        ["format.sentenceJoin"] = " ",
        ["format.date"] = "yyyy-MM-dd",
        ["format.time"] = "yyyy-MM-dd HH:mm:ss'Z'",
        ["DeadlineKind.Acknowledge"] = "acknowledgement",
        ["DeadlineKind.Propose"] = "proposal",
        ["DeadlineKind.Resolve"] = "resolution",
        ["DeadlineKind.NotifyResult"] = "result notice",
        ["DeadlineKind.FollowUp"] = "follow-up",
        ["ComplaintState.Received"] = "received",
        ["ComplaintState.Open"] = "open",
        ["ComplaintState.Triaged"] = "accepted and being assessed",
        ["ComplaintState.Assigned"] = "with a handler",
        ["ComplaintState.Investigating"] = "under investigation",
        ["ComplaintState.AwaitingApproval"] = "a decision is awaiting approval",
        ["ComplaintState.Approved"] = "a decision was approved",
        ["ComplaintState.AwaitingCustomer"] = "waiting for your reply",
        ["ComplaintState.Implementing"] = "what was agreed is being carried out",
        ["ComplaintState.FollowUp"] = "we are asking how satisfied you are",
        ["ComplaintState.Closed"] = "closed",
        ["ComplaintState.Rejected"] = "not taken up",
        ["ComplaintState.Redirected"] = "redirected to another body",
        ["ComplaintState.Withdrawn"] = "withdrawn",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ChineseTexts = new Dictionary<string, string>
    {
        ["acknowledgement.subject"] = "您的投诉（编号 {case}）已受理",
        ["acknowledgement.body"] = "我们已收到您的投诉（编号 {case}），将于 {due} 前给您答复。",
        ["acknowledgement.body.undated"] = "我们已收到您的投诉（编号 {case}），将在规定时限内给您答复。",
        ["resultNotice.subject"] = "您的投诉（编号 {case}）处理结果",
        ["survey.subject"] = "请评价我们对您的投诉（编号 {case}）的处理",
        ["survey.body"] = "您的投诉（编号 {case}）已按约定处理完毕。请告诉我们您是否满意。",
        ["rejection.subject"] = "您的投诉（编号 {case}）不予受理",
        ["rejection.body"] = "很抱歉，您的投诉（编号 {case}）我们无法受理：{reason}",
        ["redirection.subject"] = "您的投诉（编号 {case}）应向何处反映",
        ["redirection.body"] = "您的投诉（编号 {case}）应由{to}处理，请您向其反映。{reason}",
        ["extension.subject"] = "您的投诉（编号 {case}）需要延长处理时间",
        ["extension.body"] = "您的投诉（编号 {case}）需要更多处理时间：{reason}我们将于 {due} 前给您答复。",
        ["progress.subject"] = "您的投诉（编号 {case}）处理进展",
        ["progress.body"] = "我们曾承诺于 {due} 前就您的投诉（编号 {case}）给您答复。目前尚无处理结果，我们仍在处理中，一有结果将立即告知您。",
        ["news.subject"] = "您的投诉（编号 {case}）有新进展",
        ["news.body"] = "您的投诉（编号 {case}）有新进展：{event}。",
        ["about"] = "投诉 {case}（{classification}，涉及：{subject}）",
        ["about.unclassified"] = "投诉 {case}（涉及：{subject}）",
        ["assignment.subject"] = "投诉 {case} 已分派给您",
        ["assignment.body"] = "{about}现由您负责处理。",
        ["approval.subject"] = "投诉 {case} 的处理方案待您审批",
        ["approval.body"] = "{about}已提出处理方案（{remedy}），需经您审批。",
        ["approval.next.body"] = "{about}的处理方案已通过上一级审批，现需经您审批。",
        ["sanctions.subject"] = "投诉 {case} 的处分建议待您确认",
        ["sanctions.body"] = "已就{about}提出对 {person} 的处分建议（事由：{misconduct}），经您确认后方可生效（请对同一人员和同一事由作出认定）。",
        ["deadlineWarning.subject"] = "投诉 {case} 的{deadline}时限即将到期",
        ["deadlineWarning.body"] = "{about}的{deadline}时限将于 {due} 到期。",
        ["deadlineBreach.subject"] = "投诉 {case} 的{deadline}时限已超期",
        ["deadlineBreach.body"] = "{about}的{deadline}时限已于 {due} 到期，未能按时完成。",
        ["escalation.subject"] = "投诉 {case} 已升级至第 {level} 级",
        ["escalation.body"] = "{about}已升级至第 {level} 级：{reason}",
        ["staffNotice.subject"] = "投诉 {case}：{event}",
        ["staffNotice.triaged"] = "{about}已完成分类。",
        ["staffNotice.triaged.routed"] = "{about}已完成分类，交由{department}处理。",
        ["staffNotice.redirected"] = "{about}：已告知投诉人向{to}反映。",
        ["staffNotice.deadline"] = "{about}：{event}（{deadline}时限，{due} 到期）。",
        ["staffNotice.other"] = "{about}：{event}。",
        ["action.about"] = "整改措施 {id}“{title}”（根本原因：{cause}，{description}；{origin}）",
        ["action.about.department"] = "整改措施 {id}“{title}”（根本原因：{cause}，{description}；责任部门：{department}；{origin}）",
        ["action.origin.analysis"] = "源自统计分析",
        ["action.origin.one"] = "源自 1 件投诉",
        ["action.origin.many"] = "源自 {count} 件投诉",
        ["action.approval.subject"] = "整改措施“{title}”待您审批",
        ["action.approval.body"] = "已提出{action}，批准后 {days} 个工作日内完成，需经您审批。",
        ["action.deadlineWarning.subject"] = "整改措施“{title}”的{deadline}时限即将到期",
        ["action.deadlineWarning.body"] = "{action}的{deadline}时限将于 {due} 到期。",
        ["action.deadlineBreach.subject"] = "整改措施“{title}”的{deadline}时限已超期",
        ["action.deadlineBreach.body"] = "{action}的{deadline}时限已于 {due} 到期，未能按时完成。",
        ["format.fullStop"] = "。",
        ["format.separator"] = "，",
        ["format.sentenceJoin"] = "",
        ["format.date"] = "yyyy年M月d日",
        ["format.time"] = "yyyy年M月d日 HH:mm（UTC）",
        ["DeadlineKind.Acknowledge"] = "受理告知",
        ["DeadlineKind.Propose"] = "提出处理方案",
        ["DeadlineKind.Resolve"] = "答复处理结果",
        ["DeadlineKind.NotifyResult"] = "书面告知结果",
        ["DeadlineKind.FollowUp"] = "回访",
        ["CorrectiveActionDeadlineKind.Completion"] = "完成",
        ["CorrectiveActionDeadlineKind.Verification"] = "效果验证",
        ["ComplaintState.Received"] = "已登记",
        ["ComplaintState.Open"] = "处理中",
        ["ComplaintState.Triaged"] = "已受理",
        ["ComplaintState.Assigned"] = "已指定处理人",
        ["ComplaintState.Investigating"] = "调查核实中",
        ["ComplaintState.AwaitingApproval"] = "处理方案审批中",
        ["ComplaintState.Approved"] = "处理方案已批准",
        ["ComplaintState.AwaitingCustomer"] = "等待您的答复",
        ["ComplaintState.Implementing"] = "处理方案落实中",
        ["ComplaintState.FollowUp"] = "回访中",
        ["ComplaintState.Closed"] = "已办结",
        ["ComplaintState.Rejected"] = "不予受理",
        ["ComplaintState.Redirected"] = "已转至其他部门或机构处理",
        ["ComplaintState.Withdrawn"] = "已撤回",
        ["event.received"] = "已登记",
        ["event.read-back-confirmed"] = "记录已复述确认",
        ["event.triaged"] = "已受理并分类",
        ["event.rejected"] = "不予受理",
        ["event.redirected"] = "已转至他处",
        ["event.resolved-on-spot"] = "已当场解决",
        ["event.handler-assigned"] = "已指定处理人",
        ["event.handler-recused"] = "处理人已回避",
        ["event.investigation-started"] = "已开始调查核实",
        ["event.evidence-added"] = "已补充证据",
        ["event.accused-heard"] = "已听取被投诉人申辩",
        ["event.findings-recorded"] = "已记录调查结论",
        ["event.emergency-meeting-recorded"] = "已召开紧急会议",
        ["event.remedy-proposed"] = "已提出处理方案",
        ["event.remedy-approved"] = "处理方案已审批",
        ["event.approval-declined"] = "处理方案未获批准",
        ["event.decision-communicated"] = "已告知处理结果",
        ["event.customer-accepted"] = "已接受处理方案",
        ["event.customer-rejected"] = "不接受处理方案",
        ["event.escalated"] = "已升级处理",
        ["event.implementation-completed"] = "处理方案已落实",
        ["event.follow-up-recorded"] = "已回访",
        ["event.closed"] = "已办结",
        ["event.reopened"] = "已重新处理",
        ["event.withdrawn"] = "已撤回",
        ["event.accountability-assessed"] = "已认定责任",
        ["event.deadline-warned"] = "时限即将到期",
        ["event.deadline-breached"] = "时限已超期",
        ["event.deadline-extended"] = "时限已延长",
        ["event.deadlines-replanned"] = "时限已重新计算",
        ["event.product-hold-placed"] = "相关产品已暂停销售或使用",
        ["event.product-hold-released"] = "相关产品的暂停措施已解除",
        ["event.deadlines-started"] = "时限开始计算",
        ["event.imported"] = "已导入",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ScriptAliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["zh-Hans"] = ChineseSimplified,
        ["zh-SG"] = ChineseSimplified,
        ["zh-Hant"] = "zh-TW",
        ["zh-HK"] = "zh-TW",
        ["zh-MO"] = "zh-TW",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Culture → key → text, in the order cultures were added (English first).
    // An array, so that the look-ups on every notification walk it without an enumerator.
    private readonly KeyValuePair<string, FrozenDictionary<string, string>>[] _cultures;

    private NoticeTemplates(IReadOnlyList<KeyValuePair<string, FrozenDictionary<string, string>>> cultures, string defaultCulture, string? staffCulture)
    {
        _cultures = [.. cultures];
        DefaultCulture = defaultCulture;
        StaffCulture = staffCulture;
    }

    /// <summary>The shipped templates: <see cref="English"/> (the default culture) and <see cref="ChineseSimplified"/>.</summary>
    public static NoticeTemplates Default { get; } = new(
        [new(English, EnglishTexts), new(ChineseSimplified, ChineseTexts)], English, null);

    /// <summary>Every template key with the placeholders (without braces) its template may use.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; } =
        Keys.ToFrozenDictionary(k => k.Key, k => (IReadOnlyList<string>)k.Value, StringComparer.Ordinal);

    /// <summary>The cultures that have templates, e.g. <c>en</c> and <c>zh-CN</c>.</summary>
    public IReadOnlyList<string> Cultures => _cultures.Select(c => c.Key).ToArray();

    /// <summary>The culture of a case whose intake and policy name none, and of a tag no culture matches: <c>en</c> unless changed.</summary>
    public string DefaultCulture { get; }

    /// <summary>
    /// The culture of messages to staff; <see langword="null"/> (the default) for the case's culture, as the complainant's.
    /// </summary>
    public string? StaffCulture { get; }

    /// <summary>
    /// These templates with some replaced or added for <paramref name="culture"/>, e.g. a plant's own acknowledgement, or
    /// a whole new language. Checked at once: an unknown key, a placeholder its template may not use, an unpaired brace
    /// or a date format .NET cannot apply is a <see cref="NoticeTemplateException"/> naming the key and placeholder.
    /// </summary>
    /// <param name="culture">The culture, as a BCP 47 tag (<c>en</c>, <c>zh-CN</c>, <c>fr</c>).</param>
    /// <param name="texts">The templates, words and formats by key (see <see cref="Placeholders"/> and the remarks).</param>
    /// <returns>The new templates.</returns>
    /// <exception cref="NoticeTemplateException">A key, placeholder or format is not valid.</exception>
    public NoticeTemplates With(string culture, IReadOnlyDictionary<string, string> texts)
    {
        var tag = Tag(culture, nameof(culture));
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var (key, text) in texts)
        {
            Check(tag, key, text);
        }

        var cultures = _cultures.ToList();
        var at = cultures.FindIndex(c => string.Equals(c.Key, tag, StringComparison.OrdinalIgnoreCase));
        var words = new Dictionary<string, string>(at >= 0 ? cultures[at].Value : FrozenDictionary<string, string>.Empty, StringComparer.Ordinal);
        foreach (var (key, text) in texts)
        {
            words[key] = text;
        }

        var entry = new KeyValuePair<string, FrozenDictionary<string, string>>(at >= 0 ? cultures[at].Key : tag, words.ToFrozenDictionary(StringComparer.Ordinal));
        if (at >= 0)
        {
            cultures[at] = entry;
        }
        else
        {
            cultures.Add(entry);
        }

        return new NoticeTemplates(cultures, DefaultCulture, StaffCulture);
    }

    /// <summary>These templates with another <see cref="DefaultCulture"/>, e.g. <c>zh-CN</c> for a host whose complainants read Chinese.</summary>
    /// <param name="culture">A culture with templates (one of <see cref="Cultures"/>).</param>
    /// <returns>The new templates.</returns>
    /// <exception cref="ArgumentException">No templates are registered for <paramref name="culture"/>.</exception>
    public NoticeTemplates WithDefaultCulture(string culture) => new(_cultures, Registered(culture, nameof(culture)), StaffCulture);

    /// <summary>These templates writing every message to staff in <paramref name="culture"/>, whatever the case's culture.</summary>
    /// <param name="culture">A culture with templates; <see langword="null"/> for the case's culture (the default).</param>
    /// <returns>The new templates.</returns>
    /// <exception cref="ArgumentException">No templates are registered for <paramref name="culture"/>.</exception>
    public NoticeTemplates WithStaffCulture(string? culture) =>
        new(_cultures, DefaultCulture, culture is null ? null : Registered(culture, nameof(culture)));

    /// <summary>
    /// The culture with templates that <paramref name="requested"/> resolves to: the same tag, else its nearest parent
    /// with templates (<c>zh-Hans</c>, <c>zh</c> → <c>zh-CN</c>; <c>en-GB</c> → <c>en</c>), else <see cref="DefaultCulture"/>.
    /// </summary>
    /// <param name="requested">A BCP 47 tag, or <see langword="null"/> for <see cref="DefaultCulture"/>.</param>
    /// <returns>One of <see cref="Cultures"/>.</returns>
    public string CultureFor(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return DefaultCulture;
        }

        for (var candidate = requested.Trim().Replace('_', '-'); candidate.Length > 0; candidate = Parent(candidate))
        {
            if (Find(candidate) is { } exact)
            {
                return exact.Key;
            }

            if (ScriptAliases.TryGetValue(candidate, out var alias) && Find(alias) is { } aliased)
            {
                return aliased.Key;
            }

            foreach (var (culture, _) in _cultures)
            {
                // culture starts with candidate + "-"
                if (culture.Length > candidate.Length && culture[candidate.Length] == '-' && culture.StartsWith(candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return culture;
                }
            }
        }

        return DefaultCulture;
    }

    /// <summary>The template of <paramref name="key"/> in <paramref name="culture"/> (resolved by <see cref="CultureFor"/>), else the English one.</summary>
    /// <param name="culture">The culture.</param>
    /// <param name="key">A key of <see cref="Placeholders"/>, a word's or a format's.</param>
    /// <returns>The template as written.</returns>
    /// <exception cref="KeyNotFoundException">No culture has <paramref name="key"/>.</exception>
    public string Template(string culture, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Find(CultureFor(culture))?.Value.TryGetValue(key, out var text) == true || EnglishTexts.TryGetValue(key, out text)
            ? text
            : throw new KeyNotFoundException($"There is no notice template '{key}'.");
    }

    /// <summary>The template of <paramref name="key"/> in <paramref name="culture"/> with its placeholders filled.</summary>
    /// <param name="culture">The culture.</param>
    /// <param name="key">A key of <see cref="Placeholders"/>.</param>
    /// <param name="values">The placeholders' values by name (without braces); a placeholder without a value is left empty.</param>
    /// <returns>The text.</returns>
    public string Render(string culture, string key, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Fill(Template(culture, key), new DictionaryValues(values), capitalize: false);
    }

    /// <summary>
    /// The template of <paramref name="key"/> with <c>{case}</c>, then <c>{about}</c> (if given), then <paramref name="values"/>
    /// filled (a later value of the same name wins), optionally starting with a capital letter: what <see cref="Render(string, string, IReadOnlyDictionary{string, string})"/>
    /// gives for the same values, without a dictionary.
    /// </summary>
    internal string Render(string culture, string key, string caseId, string? about, ReadOnlySpan<(string Name, string Value)> values, bool capitalize) =>
        Fill(Template(culture, key), new ListedValues(caseId, about, values), capitalize);

    private interface IValues
    {
        bool TryGet(ReadOnlySpan<char> name, out string value);
    }

    private readonly struct DictionaryValues(IReadOnlyDictionary<string, string> values) : IValues
    {
        public bool TryGet(ReadOnlySpan<char> name, out string value) => values.TryGetValue(name.ToString(), out value!);
    }

    private readonly ref struct ListedValues(string caseId, string? about, ReadOnlySpan<(string Name, string Value)> values) : IValues
    {
        private readonly ReadOnlySpan<(string Name, string Value)> _values = values;

        public bool TryGet(ReadOnlySpan<char> name, out string value)
        {
            for (var i = _values.Length - 1; i >= 0; i--)
            {
                if (name.SequenceEqual(_values[i].Name))
                {
                    value = _values[i].Value;
                    return true;
                }
            }

            if (about is not null && name.SequenceEqual("about"))
            {
                value = about;
                return true;
            }

            if (name.SequenceEqual("case"))
            {
                value = caseId;
                return true;
            }

            value = "";
            return false;
        }
    }

    [ThreadStatic]
    private static StringBuilder? t_builder;

    private static string Fill<TValues>(string template, TValues values, bool capitalize)
        where TValues : IValues, allows ref struct
    {
        var s = Builder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                s.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                s.Append(values.TryGet(template.AsSpan(i + 1, end - i - 1), out var value) ? value : "");
                i = end;
            }
            else
            {
                s.Append(c);
            }
        }

        return Done(s, capitalize);
    }

    // One builder per thread, reused: a rendered text costs its string only. It is taken off the thread while in use, so a
    // rendering started inside another (a host's dictionary rendering a value lazily) gets a builder of its own.
    private static StringBuilder Builder(int length)
    {
        var s = t_builder ?? new StringBuilder(256);
        t_builder = null;
        s.Clear();
        s.EnsureCapacity(length + 64);
        return s;
    }

    private static string Done(StringBuilder s, bool capitalize)
    {
        if (capitalize && s.Length > 0)
        {
            s[0] = char.ToUpperInvariant(s[0]);
        }

        var text = s.ToString();
        if (s.Capacity <= 4096)
        {
            t_builder = s; // not kept for ever after one long text
        }

        return text;
    }

    /// <summary>
    /// The word for an enum value in <paramref name="culture"/>: its template (<c>DeadlineKind.Resolve</c> → <c>resolution</c>,
    /// <c>答复处理结果</c>), else the report's word (<see cref="ReportLabels"/>), else the value's name in words.
    /// </summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="culture">The culture.</param>
    /// <param name="value">The value.</param>
    /// <returns>The word.</returns>
    public string Word<TEnum>(string culture, TEnum value)
        where TEnum : struct, Enum
    {
        var key = WordKeys<TEnum>.Of(value);
        var resolved = CultureFor(culture);
        if (Find(resolved)?.Value.TryGetValue(key, out var word) == true)
        {
            return word;
        }

        if (string.Equals(resolved, ChineseSimplified, StringComparison.OrdinalIgnoreCase))
        {
            return ReportLabels.ChineseSimplified.Of(value);
        }

        return EnglishTexts.TryGetValue(key, out word) ? word : ReportLabels.English.Of(value).ToLowerInvariant();
    }

    /// <summary>The words for a journal event (<see cref="NoticeEvent.Name"/>) in a culture: <c>event.&lt;name&gt;</c>, else the name with spaces.</summary>
    internal string EventWords(string culture, string name) =>
        Find(CultureFor(culture))?.Value.TryGetValue("event." + name, out var words) == true || EnglishTexts.TryGetValue("event." + name, out words)
            ? words
            : name.Replace('-', ' ');

    /// <summary>A date in the culture's <c>format.date</c>, as the UTC calendar has it.</summary>
    internal string Date(string culture, DateTimeOffset at) => at.UtcDateTime.ToString(Template(culture, "format.date"), CultureInfo.InvariantCulture);

    /// <summary>A time in the culture's <c>format.time</c>, in UTC.</summary>
    internal string Time(string culture, DateTimeOffset at) => at.UtcDateTime.ToString(Template(culture, "format.time"), CultureInfo.InvariantCulture);

    /// <summary>The text ending as a sentence of the culture ends.</summary>
    internal string Sentence(string culture, string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' or '。' or '！' or '？' ? trimmed : trimmed + Template(culture, "format.fullStop");
    }

    /// <summary>Two sentences one after the other; the second may be missing.</summary>
    internal string Join(string culture, string first, string? second) =>
        string.IsNullOrWhiteSpace(second) ? first : first + Template(culture, "format.sentenceJoin") + second;

    private KeyValuePair<string, FrozenDictionary<string, string>>? Find(string culture)
    {
        foreach (var c in _cultures)
        {
            if (string.Equals(c.Key, culture, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        return null;
    }

    private string Registered(string culture, string parameter)
    {
        var tag = Tag(culture, parameter);
        return Find(tag)?.Key ?? throw new ArgumentException(
            $"There are no notice templates for '{tag}' (there are for {string.Join(", ", Cultures)}): add them with With(\"{tag}\", …) first.", parameter);
    }

    private static string Parent(string tag)
    {
        var dash = tag.LastIndexOf('-');
        return dash <= 0 ? "" : tag[..dash];
    }

    private static string Tag(string culture, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(culture, parameter);
        var tag = culture.Trim();
        if (!CultureTags.IsValid(tag))
        {
            throw new ArgumentException($"'{culture}' is not a culture tag: give a BCP 47 tag such as en, zh-CN or fr-CA.", parameter);
        }

        return tag;
    }

    private static void Check(string culture, string key, string? text)
    {
        if (text is null)
        {
            throw new NoticeTemplateException($"The notice template '{key}' for '{culture}' is null: give its text.", culture, key);
        }

        if (DateFormats.Contains(key))
        {
            try
            {
                _ = new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc).ToString(text, CultureInfo.InvariantCulture);
            }
            catch (FormatException e)
            {
                throw new NoticeTemplateException($"The notice format '{key}' for '{culture}' is not a .NET date format ({e.Message}).", culture, key);
            }

            return;
        }

        if (key.StartsWith("event.", StringComparison.Ordinal))
        {
            if (!NoticeEvent.Names.Contains(key["event.".Length..], StringComparer.Ordinal))
            {
                throw new NoticeTemplateException(
                    $"'{key}' is not a notice template: 'event.' is followed by a journal event's name ({string.Join(", ", NoticeEvent.Names)}).", culture, key);
            }

            return;
        }

        if (!Keys.TryGetValue(key, out var allowed))
        {
            if (IsWordKey(key))
            {
                return;
            }

            throw new NoticeTemplateException(
                $"'{key}' is not a notice template: use a key of NoticeTemplates.Placeholders, an enum value's Type.Value (e.g. DeadlineKind.Resolve), 'event.<journal event>' or format.date / format.time.",
                culture, key);
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                i++;
                continue;
            }

            if (c == '}')
            {
                throw new NoticeTemplateException($"The notice template '{key}' for '{culture}' has a '}}' without its '{{' at {i}: write a literal brace as '}}}}'.", culture, key);
            }

            if (c == '{')
            {
                var end = text.IndexOf('}', i + 1);
                if (end < 0)
                {
                    throw new NoticeTemplateException($"The notice template '{key}' for '{culture}' has a '{{' without its '}}' at {i}: close the placeholder, or write a literal brace as '{{{{'.", culture, key);
                }

                var name = text[(i + 1)..end];
                if (!allowed.Contains(name, StringComparer.Ordinal))
                {
                    throw new NoticeTemplateException(
                        $"The notice template '{key}' for '{culture}' has the placeholder {{{name}}}, which it cannot fill: use {(allowed.Length == 0 ? "none" : string.Join(", ", allowed.Select(a => "{" + a + "}")))}.",
                        culture, key, name);
                }

                i = end;
            }
        }
    }

    private static bool IsWordKey(string key) => ReportLabels.IsEnumKey(key, WordTypes);

    /// <summary>The template keys of an enum's words (<c>DeadlineKind.Resolve</c>), made once per value.</summary>
    private static class WordKeys<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<TEnum, string> Known = new();

        public static string Of(TEnum value) =>
            Known.TryGetValue(value, out var key) ? key : Known.Count < 1024 ? Known.GetOrAdd(value, static v => typeof(TEnum).Name + "." + v) : typeof(TEnum).Name + "." + value;
    }
}
