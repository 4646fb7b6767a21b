<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>Labels</name>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>warned</source>
        <translation>warned</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>suspended</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>terminated</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>warn</translation>
    </message>
    <message>
        <source>suspend</source>
        <translation>suspend</translation>
    </message>
    <message>
        <source>terminate</source>
        <translation>terminate</translation>
    </message>
    <message>
        <source>reinstate</source>
        <translation>reinstate</translation>
    </message>
    <message>
        <source>dismiss</source>
        <translation>dismiss</translation>
    </message>
    <message>
        <source>request proof</source>
        <translation>request proof</translation>
    </message>
    <message>
        <source>approve list</source>
        <translation>approve list</translation>
    </message>
    <message>
        <source>reject list</source>
        <translation>reject list</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>effective</source>
        <translation>effective</translation>
    </message>
    <message>
        <source>awaiting second approval</source>
        <translation>awaiting second approval</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>superseded</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ad::preview::MessagePreview</name>
    <message>
        <source>an inline part referenced as cid:%1 is missing from the message</source>
        <translation>an inline part referenced as cid:%1 is missing from the message</translation>
    </message>
    <message>
        <source>scripts removed</source>
        <translation>scripts removed</translation>
    </message>
    <message>
        <source>&lt;base&gt; removed</source>
        <translation>&lt;base&gt; removed</translation>
    </message>
    <message>
        <source>&lt;link&gt; elements removed</source>
        <translation>&lt;link&gt; elements removed</translation>
    </message>
    <message>
        <source>&lt;meta http-equiv=refresh&gt; removed</source>
        <translation>&lt;meta http-equiv=refresh&gt; removed</translation>
    </message>
    <message>
        <source>[blocked &lt;%1&gt;]</source>
        <translation>[blocked &lt;%1&gt;]</translation>
    </message>
    <message>
        <source>[blocked &lt;%1&gt; from %2]</source>
        <translation>[blocked &lt;%1&gt; from %2]</translation>
    </message>
    <message>
        <source>embedded frames/objects removed</source>
        <translation>embedded frames/objects removed</translation>
    </message>
    <message>
        <source>event handler attributes removed</source>
        <translation>event handler attributes removed</translation>
    </message>
    <message>
        <source>form targets removed</source>
        <translation>form targets removed</translation>
    </message>
    <message>
        <source>the link is a %1: URL, not a web address</source>
        <translation>the link is a %1: URL, not a web address</translation>
    </message>
    <message>
        <source>the text shows %1 but the link has no web domain</source>
        <translation>the text shows %1 but the link has no web domain</translation>
    </message>
    <message>
        <source>the text shows %1 but the link goes to %2</source>
        <translation>the text shows %1 but the link goes to %2</translation>
    </message>
    <message>
        <source>internationalised domain, displayed as %1</source>
        <translation>internationalised domain, displayed as %1</translation>
    </message>
    <message>
        <source>Message title</source>
        <translation>Message title</translation>
    </message>
    <message>
        <source>Message summary</source>
        <translation>Message summary</translation>
    </message>
    <message>
        <source>Message views</source>
        <translation>Message views</translation>
    </message>
    <message>
        <source>Rendered message</source>
        <translation>Rendered message</translation>
    </message>
    <message>
        <source>Rendered</source>
        <translation>Rendered</translation>
    </message>
    <message>
        <source>Plain text body</source>
        <translation>Plain text body</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Plain text</translation>
    </message>
    <message>
        <source>Decoded headers</source>
        <translation>Decoded headers</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Raw header block</source>
        <translation>Raw header block</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Headers</translation>
    </message>
    <message>
        <source>Raw message source</source>
        <translation>Raw message source</translation>
    </message>
    <message>
        <source>Raw source</source>
        <translation>Raw source</translation>
    </message>
    <message>
        <source>Links in the message</source>
        <translation>Links in the message</translation>
    </message>
    <message>
        <source>Visible text</source>
        <translation>Visible text</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Attachments of the message</source>
        <translation>Attachments of the message</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Preview status</source>
        <translation>Preview status</translation>
    </message>
    <message>
        <source>Link target</source>
        <translation>Link target</translation>
    </message>
    <message>
        <source>Link target: %1</source>
        <translation>Link target: %1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>From: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Subject: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <source>(this message has no text/plain part)</source>
        <translation>(this message has no text/plain part)</translation>
    </message>
    <message>
        <source>Deceptive: %1</source>
        <translation>Deceptive: %1</translation>
    </message>
    <message>
        <source>Links (%1, %2 deceptive)</source>
        <translation>Links (%1, %2 deceptive)</translation>
    </message>
    <message>
        <source>Links (%1)</source>
        <translation>Links (%1)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>inline</source>
        <translation>inline</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>attachment</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>Attachments (%1)</translation>
    </message>
    <message>
        <source>This message has no text or HTML body.</source>
        <translation>This message has no text or HTML body.</translation>
    </message>
    <message>
        <source>1 remote resource blocked (host: %1)</source>
        <translation>1 remote resource blocked (host: %1)</translation>
    </message>
    <message>
        <source>%1 remote resources blocked (hosts: %2)</source>
        <translation>%1 remote resources blocked (hosts: %2)</translation>
    </message>
    <message>
        <source>No remote resources referenced</source>
        <translation>No remote resources referenced</translation>
    </message>
    <message>
        <source>Parser: %1</source>
        <translation>Parser: %1</translation>
    </message>
    <message>
        <source>Link not opened (preview never navigates): %1</source>
        <translation>Link not opened (preview never navigates): %1</translation>
    </message>
    <message>
        <source>the message could not be parsed: %1</source>
        <translation>the message could not be parsed: %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::BackgroundJob</name>
    <message numerus="yes">
        <source>%Ln account(s)</source>
        <translation>
            <numerusform>%Ln account</numerusform>
            <numerusform>%Ln accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln campaign(s)</source>
        <translation>
            <numerusform>%Ln campaign</numerusform>
            <numerusform>%Ln campaigns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln complaint(s)</source>
        <translation>
            <numerusform>%Ln complaint</numerusform>
            <numerusform>%Ln complaints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln evidence row(s)</source>
        <translation>
            <numerusform>%Ln evidence row</numerusform>
            <numerusform>%Ln evidence rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln list(s) with %1</source>
        <translation>
            <numerusform>%Ln list with %1</numerusform>
            <numerusform>%Ln lists with %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln address row(s)</source>
        <translation>
            <numerusform>%Ln address row</numerusform>
            <numerusform>%Ln address rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln warning</numerusform>
            <numerusform>%Ln warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>no warnings</source>
        <translation>no warnings</translation>
    </message>
    <message>
        <source>Imported %1 (%2).</source>
        <translation>Imported %1 (%2).</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>ad::ui::CaseView</name>
    <message>
        <source>Account case</source>
        <translation>Account case</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Overview</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Metrics</translation>
    </message>
    <message>
        <source>M&amp;essages</source>
        <translation>M&amp;essages</translation>
    </message>
    <message>
        <source>&amp;Permission evidence</source>
        <translation>&amp;Permission evidence</translation>
    </message>
    <message>
        <source>&amp;Complaints</source>
        <translation>&amp;Complaints</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>No account selected</source>
        <translation>No account selected</translation>
    </message>
    <message>
        <source>Account %1 is not in the store</source>
        <translation>Account %1 is not in the store</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>M&amp;essages (%1)</source>
        <translation>M&amp;essages (%1)</translation>
    </message>
    <message>
        <source>&amp;Complaints (%1)</source>
        <translation>&amp;Complaints (%1)</translation>
    </message>
    <message>
        <source>&amp;Lists</source>
        <translation>&amp;Lists</translation>
    </message>
</context>
<context>
    <name>ad::ui::ComplaintsTab</name>
    <message>
        <source>Complaint reports</source>
        <translation>Complaint reports</translation>
    </message>
    <message>
        <source>Arrival date</source>
        <translation>Arrival date</translation>
    </message>
    <message>
        <source>Feedback type</source>
        <translation>Feedback type</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>ARF report %1</source>
        <translation>ARF report %1</translation>
    </message>
    <message>
        <source>%1 line %2</source>
        <translation>%1 line %2</translation>
    </message>
    <message>
        <source>No complaint report was referred to this account.</source>
        <translation>No complaint report was referred to this account.</translation>
    </message>
    <message>
        <source>This complaint came without the reported message (a CSV row).</source>
        <translation>This complaint came without the reported message (a CSV row).</translation>
    </message>
    <message>
        <source>The reported message, as attached to the feedback report:</source>
        <translation>The reported message, as attached to the feedback report:</translation>
    </message>
</context>
<context>
    <name>ad::ui::DecisionDialog</name>
    <message>
        <source>Decision — %1</source>
        <translation>Decision — %1</translation>
    </message>
    <message>
        <source>Approve termination — %1</source>
        <translation>Approve termination — %1</translation>
    </message>
    <message>
        <source>Account %1 — %2
Current status: %3 · Recommended by the rules: %4
Reviewer: %5</source>
        <translation>Account %1 — %2
Current status: %3 · Recommended by the rules: %4
Reviewer: %5</translation>
    </message>
    <message>
        <source>Termination proposed by %1 on %2. Rationale: %3</source>
        <translation>Termination proposed by %1 on %2. Rationale: %3</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1 (recommended)</translation>
    </message>
    <message>
        <source>Shortcut in the queue: %1</source>
        <translation>Shortcut in the queue: %1</translation>
    </message>
    <message>
        <source>Findings — tick each one you have checked against the evidence; an unticked finding is recorded as disputed and needs a rationale:</source>
        <translation>Findings — tick each one you have checked against the evidence; an unticked finding is recorded as disputed and needs a rationale:</translation>
    </message>
    <message>
        <source>Findings the termination rests on — tick each one you have checked:</source>
        <translation>Findings the termination rests on — tick each one you have checked:</translation>
    </message>
    <message>
        <source>Findings checklist</source>
        <translation>Findings checklist</translation>
    </message>
    <message>
        <source>[%1] %2 — %3</source>
        <translation>[%1] %2 — %3</translation>
    </message>
    <message>
        <source>%1
Would clear: %2</source>
        <translation>%1
Would clear: %2</translation>
    </message>
    <message>
        <source>No rule fired for this account.</source>
        <translation>No rule fired for this account.</translation>
    </message>
    <message>
        <source>&amp;Rationale:</source>
        <translation>&amp;Rationale:</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Rationale</translation>
    </message>
    <message>
        <source>Why this action? Required when it differs from the recommendation.</source>
        <translation>Why this action? Required when it differs from the recommendation.</translation>
    </message>
    <message>
        <source>Customer notice:</source>
        <translation>Customer notice:</translation>
    </message>
    <message>
        <source>Notice language</source>
        <translation>Notice language</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesian</translation>
    </message>
    <message>
        <source>Customer notice preview</source>
        <translation>Customer notice preview</translation>
    </message>
    <message>
        <source>&amp;Record decision</source>
        <translation>&amp;Record decision</translation>
    </message>
    <message>
        <source>&amp;Approve termination</source>
        <translation>&amp;Approve termination</translation>
    </message>
    <message>
        <source>Disputed findings: %1.</source>
        <translation>Disputed findings: %1.</translation>
    </message>
    <message>
        <source>No terminate decision is waiting for approval on this account.</source>
        <translation>No terminate decision is waiting for approval on this account.</translation>
    </message>
    <message>
        <source>You (%1) proposed this termination: a second, different reviewer must approve it. Change the reviewer in Settings if someone else is at this desk.</source>
        <translation>You (%1) proposed this termination: a second, different reviewer must approve it. Change the reviewer in Settings if someone else is at this desk.</translation>
    </message>
    <message>
        <source>Tick every finding you have checked; an approval confirms all of them.</source>
        <translation>Tick every finding you have checked; an approval confirms all of them.</translation>
    </message>
    <message>
        <source>Choose an action.</source>
        <translation>Choose an action.</translation>
    </message>
    <message>
        <source>A rationale of at least a sentence (20 characters, 3 words) is required: %1 differs from the recommendation (%2).</source>
        <translation>A rationale of at least a sentence (20 characters, 3 words) is required: %1 differs from the recommendation (%2).</translation>
    </message>
    <message numerus="yes">
        <source>You disputed %n finding(s): explain why in at least a sentence (20 characters, 3 words).</source>
        <translation>
            <numerusform>You disputed %n finding: explain why in at least a sentence (20 characters, 3 words).</numerusform>
            <numerusform>You disputed %n findings: explain why in at least a sentence (20 characters, 3 words).</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ Override of the recommendation, with a rationale.</source>
        <translation>✓ Override of the recommendation, with a rationale.</translation>
    </message>
    <message>
        <source>The action follows the recommendation; a rationale is optional.</source>
        <translation>The action follows the recommendation; a rationale is optional.</translation>
    </message>
    <message>
        <source>Approving makes the termination effective now and sends the notice.</source>
        <translation>Approving makes the termination effective now and sends the notice.</translation>
    </message>
    <message>
        <source>Terminate needs a second reviewer: it is recorded as pending and takes effect only when a different reviewer approves it (Case ▸ Approve pending termination). Until then the account stays %1.</source>
        <translation>Terminate needs a second reviewer: it is recorded as pending and takes effect only when a different reviewer approves it (Case ▸ Approve pending termination). Until then the account stays %1.</translation>
    </message>
    <message>
        <source>No notice is sent to the customer for this action.</source>
        <translation>No notice is sent to the customer for this action.</translation>
    </message>
    <message>
        <source>The notice cannot be generated: %1</source>
        <translation>The notice cannot be generated: %1</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Not recorded: %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::EvidenceTab</name>
    <message>
        <source>Mailing lists</source>
        <translation>Mailing lists</translation>
    </message>
    <message>
        <source>List</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Acquired</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Double opt-in</source>
        <translation>Double opt-in</translation>
    </message>
    <message>
        <source>Screening of the uploaded file</source>
        <translation>Screening of the uploaded file</translation>
    </message>
    <message>
        <source>Permission evidence rows</source>
        <translation>Permission evidence rows</translation>
    </message>
    <message>
        <source>Subscriber</source>
        <translation>Subscriber</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Consent time</source>
        <translation>Consent time</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Wording agreed to</source>
        <translation>Wording agreed to</translation>
    </message>
    <message>
        <source>Why it is not valid</source>
        <translation>Why it is not valid</translation>
    </message>
    <message>
        <source>Only rows that are not valid permission</source>
        <translation>Only rows that are not valid permission</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Lists</translation>
    </message>
    <message>
        <source>%1 rows: %2 invalid, %3 duplicates, %4 role, %5 disposable, %6 typo domains</source>
        <translation>%1 rows: %2 invalid, %3 duplicates, %4 role, %5 disposable, %6 typo domains</translation>
    </message>
    <message>
        <source>not screened</source>
        <translation>not screened</translation>
    </message>
    <message>
        <source>no file uploaded in the bundle</source>
        <translation>no file uploaded in the bundle</translation>
    </message>
    <message>
        <source> (pre-ticked)</source>
        <translation> (pre-ticked)</translation>
    </message>
    <message>
        <source> (not pre-ticked)</source>
        <translation> (not pre-ticked)</translation>
    </message>
    <message>
        <source> (e-mail explained)</source>
        <translation> (e-mail explained)</translation>
    </message>
    <message>
        <source> (e-mail not explained)</source>
        <translation> (e-mail not explained)</translation>
    </message>
    <message>
        <source> (last purchase %1)</source>
        <translation> (last purchase %1)</translation>
    </message>
    <message>
        <source>The bundle holds no permission evidence for this account.</source>
        <translation>The bundle holds no permission evidence for this account.</translation>
    </message>
    <message>
        <source>%1 of %2 sampled subscribers are not valid permission (highlighted).</source>
        <translation>%1 of %2 sampled subscribers are not valid permission (highlighted).</translation>
    </message>
    <message>
        <source>method &quot;none&quot;: no permission recorded</source>
        <translation>method &quot;none&quot;: no permission recorded</translation>
    </message>
    <message>
        <source>the consent box was pre-checked</source>
        <translation>the consent box was pre-checked</translation>
    </message>
    <message>
        <source>the offline form did not say the person would be e-mailed</source>
        <translation>the offline form did not say the person would be e-mailed</translation>
    </message>
    <message>
        <source>last purchase %1 is more than 2 years ago</source>
        <translation>last purchase %1 is more than 2 years ago</translation>
    </message>
    <message>
        <source>purchase without a purchase date</source>
        <translation>purchase without a purchase date</translation>
    </message>
    <message>
        <source>not valid permission</source>
        <translation>not valid permission</translation>
    </message>
    <message>
        <source>no consent time</source>
        <translation>no consent time</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>no source</translation>
    </message>
    <message>
        <source>consent cannot be proven</source>
        <translation>consent cannot be proven</translation>
    </message>
    <message>
        <source>last contacted %1, more than 2 years ago</source>
        <translation>last contacted %1, more than 2 years ago</translation>
    </message>
    <message>
        <source>never contacted since consent on %1, more than 2 years ago</source>
        <translation>never contacted since consent on %1, more than 2 years ago</translation>
    </message>
</context>
<context>
    <name>ad::ui::HistoryTab</name>
    <message>
        <source>Account history</source>
        <translation>Account history</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Rationale / reason</source>
        <translation>Rationale / reason</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>platform</translation>
    </message>
    <message>
        <source>approval of decision #%1</source>
        <translation>approval of decision #%1</translation>
    </message>
    <message>
        <source>approved by %1 on %2</source>
        <translation>approved by %1 on %2</translation>
    </message>
    <message>
        <source>[override of recommended %1] %2</source>
        <translation>[override of recommended %1] %2</translation>
    </message>
    <message>
        <source>AbuseDesk #%1</source>
        <translation>AbuseDesk #%1</translation>
    </message>
    <message>
        <source>No history yet: the platform exported no enforcement history for this account and no decision has been recorded in AbuseDesk.</source>
        <translation>No history yet: the platform exported no enforcement history for this account and no decision has been recorded in AbuseDesk.</translation>
    </message>
</context>
<context>
    <name>ad::ui::ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <source>Evaluating all accounts</source>
        <translation>Evaluating all accounts</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>Line:</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>Column:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Value:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Importing (step 1 of 2)…</source>
        <translation>Importing (step 1 of 2)…</translation>
    </message>
    <message>
        <source>%1 of %2 read · %3 rows · %4</source>
        <translation>%1 of %2 read · %3 rows · %4</translation>
    </message>
    <message>
        <source>Evaluating the rules (step 2 of 2)…</source>
        <translation>Evaluating the rules (step 2 of 2)…</translation>
    </message>
    <message>
        <source>Evaluating the rules…</source>
        <translation>Evaluating the rules…</translation>
    </message>
    <message>
        <source>%1 of %2 accounts evaluated</source>
        <translation>%1 of %2 accounts evaluated</translation>
    </message>
    <message>
        <source>Imported, but the evaluation failed</source>
        <translation>Imported, but the evaluation failed</translation>
    </message>
    <message>
        <source>The bundle was refused; the case store was not changed.</source>
        <translation>The bundle was refused; the case store was not changed.</translation>
    </message>
    <message>
        <source>Import cancelled; the case store was not changed.</source>
        <translation>Import cancelled; the case store was not changed.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <source>This bundle had already been imported (import #%1); its data was replaced with the same content.</source>
        <translation>This bundle had already been imported (import #%1); its data was replaced with the same content.</translation>
    </message>
    <message numerus="yes">
        <source>Evaluation cancelled after %n account(s): use View ▸ Re-evaluate all.</source>
        <translation>
            <numerusform>Evaluation cancelled after %n account: use View ▸ Re-evaluate all.</numerusform>
            <numerusform>Evaluation cancelled after %n accounts: use View ▸ Re-evaluate all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) evaluated.</source>
        <translation>
            <numerusform>%n account evaluated.</numerusform>
            <numerusform>%n accounts evaluated.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import complete</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <source>Evaluation complete</source>
        <translation>Evaluation complete</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s):</source>
        <translation>
            <numerusform>%n warning:</numerusform>
            <numerusform>%n warnings:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ad::ui::ListDecisionDialog</name>
    <message>
        <source>Reject list %1 — %2</source>
        <translation>Reject list %1 — %2</translation>
    </message>
    <message>
        <source>Approve list %1 — %2</source>
        <translation>Approve list %1 — %2</translation>
    </message>
    <message>
        <source>Account %1 — %2
List %3 — %4 (source: %5)
Reviewer: %6</source>
        <translation>Account %1 — %2
List %3 — %4 (source: %5)
Reviewer: %6</translation>
    </message>
    <message>
        <source>Uploaded file: %1 rows: %2 invalid, %3 duplicates, %4 role, %5 disposable, %6 typo domains</source>
        <translation>Uploaded file: %1 rows: %2 invalid, %3 duplicates, %4 role, %5 disposable, %6 typo domains</translation>
    </message>
    <message>
        <source>Findings of the rules on this list:</source>
        <translation>Findings of the rules on this list:</translation>
    </message>
    <message>
        <source>Findings on this list</source>
        <translation>Findings on this list</translation>
    </message>
    <message>
        <source>[%1] %2 — %3</source>
        <translation>[%1] %2 — %3</translation>
    </message>
    <message>
        <source>%1
Would clear: %2</source>
        <translation>%1
Would clear: %2</translation>
    </message>
    <message>
        <source>No rule fired on this list.</source>
        <translation>No rule fired on this list.</translation>
    </message>
    <message>
        <source>&amp;Rationale (required):</source>
        <translation>&amp;Rationale (required):</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Rationale</translation>
    </message>
    <message>
        <source>Why must this list not be used? At least a sentence.</source>
        <translation>Why must this list not be used? At least a sentence.</translation>
    </message>
    <message>
        <source>Why may this list be used? At least a sentence.</source>
        <translation>Why may this list be used? At least a sentence.</translation>
    </message>
    <message>
        <source>Customer notice:</source>
        <translation>Customer notice:</translation>
    </message>
    <message>
        <source>Notice language</source>
        <translation>Notice language</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesian</translation>
    </message>
    <message>
        <source>Customer notice preview</source>
        <translation>Customer notice preview</translation>
    </message>
    <message>
        <source>Re&amp;ject list</source>
        <translation>Re&amp;ject list</translation>
    </message>
    <message>
        <source>&amp;Approve list</source>
        <translation>&amp;Approve list</translation>
    </message>
    <message>
        <source>A list decision needs a rationale of at least a sentence (20 characters, 3 words).</source>
        <translation>A list decision needs a rationale of at least a sentence (20 characters, 3 words).</translation>
    </message>
    <message>
        <source>✓ Rationale given.</source>
        <translation>✓ Rationale given.</translation>
    </message>
    <message>
        <source>No notice is sent to the customer for this action.</source>
        <translation>No notice is sent to the customer for this action.</translation>
    </message>
    <message>
        <source>The notice cannot be generated: %1</source>
        <translation>The notice cannot be generated: %1</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Not recorded: %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::ListRowsModel</name>
    <message>
        <source>empty</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>address longer than 254 characters</source>
        <translation>address longer than 254 characters</translation>
    </message>
    <message>
        <source>non-ASCII characters (internationalised addresses are not accepted)</source>
        <translation>non-ASCII characters (internationalised addresses are not accepted)</translation>
    </message>
    <message>
        <source>bad quoted pair in local part</source>
        <translation>bad quoted pair in local part</translation>
    </message>
    <message>
        <source>control character in local part</source>
        <translation>control character in local part</translation>
    </message>
    <message>
        <source>unterminated quoted local part</source>
        <translation>unterminated quoted local part</translation>
    </message>
    <message>
        <source>text after quoted local part</source>
        <translation>text after quoted local part</translation>
    </message>
    <message>
        <source>empty local part</source>
        <translation>empty local part</translation>
    </message>
    <message>
        <source>missing @</source>
        <translation>missing @</translation>
    </message>
    <message>
        <source>more than one @</source>
        <translation>more than one @</translation>
    </message>
    <message>
        <source>space in address</source>
        <translation>space in address</translation>
    </message>
    <message>
        <source>local part starts or ends with a dot</source>
        <translation>local part starts or ends with a dot</translation>
    </message>
    <message>
        <source>consecutive dots in local part</source>
        <translation>consecutive dots in local part</translation>
    </message>
    <message>
        <source>invalid character in local part</source>
        <translation>invalid character in local part</translation>
    </message>
    <message>
        <source>local part longer than 64 characters</source>
        <translation>local part longer than 64 characters</translation>
    </message>
    <message>
        <source>empty domain</source>
        <translation>empty domain</translation>
    </message>
    <message>
        <source>IP-address literal domains are not accepted</source>
        <translation>IP-address literal domains are not accepted</translation>
    </message>
    <message>
        <source>domain longer than 253 characters</source>
        <translation>domain longer than 253 characters</translation>
    </message>
    <message>
        <source>domain ends with a dot</source>
        <translation>domain ends with a dot</translation>
    </message>
    <message>
        <source>empty label in domain</source>
        <translation>empty label in domain</translation>
    </message>
    <message>
        <source>domain label longer than 63 characters</source>
        <translation>domain label longer than 63 characters</translation>
    </message>
    <message>
        <source>invalid character in domain</source>
        <translation>invalid character in domain</translation>
    </message>
    <message>
        <source>domain label starts or ends with a hyphen</source>
        <translation>domain label starts or ends with a hyphen</translation>
    </message>
    <message>
        <source>domain has no dot</source>
        <translation>domain has no dot</translation>
    </message>
    <message>
        <source>top-level domain is numeric</source>
        <translation>top-level domain is numeric</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>invalid</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <source>role</source>
        <translation>role</translation>
    </message>
    <message>
        <source>disposable</source>
        <translation>disposable</translation>
    </message>
    <message>
        <source>typo</source>
        <translation>typo</translation>
    </message>
    <message>
        <source>not a valid address</source>
        <translation>not a valid address</translation>
    </message>
    <message>
        <source>not a valid address: %1</source>
        <translation>not a valid address: %1</translation>
    </message>
    <message>
        <source>repeats an earlier row (%1)</source>
        <translation>repeats an earlier row (%1)</translation>
    </message>
    <message>
        <source>role address (%1@), not a person</source>
        <translation>role address (%1@), not a person</translation>
    </message>
    <message>
        <source>disposable-mail domain %1</source>
        <translation>disposable-mail domain %1</translation>
    </message>
    <message>
        <source>%1 looks like a misspelled mailbox domain</source>
        <translation>%1 looks like a misspelled mailbox domain</translation>
    </message>
    <message>
        <source>%1 looks like a misspelling of %2</source>
        <translation>%1 looks like a misspelling of %2</translation>
    </message>
    <message>
        <source>Line %1 of the file</source>
        <translation>Line %1 of the file</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Address as uploaded</source>
        <translation>Address as uploaded</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Other columns</source>
        <translation>Other columns</translation>
    </message>
</context>
<context>
    <name>ad::ui::ListsTab</name>
    <message>
        <source>Imported lists</source>
        <translation>Imported lists</translation>
    </message>
    <message>
        <source>List</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Acquired</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Rows in file</source>
        <translation>Rows in file</translation>
    </message>
    <message>
        <source>List decision</source>
        <translation>List decision</translation>
    </message>
    <message>
        <source>Screening summary</source>
        <translation>Screening summary</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Policy limit</source>
        <translation>Policy limit</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Domain breakdown chart</source>
        <translation>Domain breakdown chart</translation>
    </message>
    <message>
        <source>&amp;Approve list…</source>
        <translation>&amp;Approve list…</translation>
    </message>
    <message>
        <source>Approve list</source>
        <translation>Approve list</translation>
    </message>
    <message>
        <source>Record that this list may be used (approve_list), with a rationale.</source>
        <translation>Record that this list may be used (approve_list), with a rationale.</translation>
    </message>
    <message>
        <source>Re&amp;ject list…</source>
        <translation>Re&amp;ject list…</translation>
    </message>
    <message>
        <source>Reject list</source>
        <translation>Reject list</translation>
    </message>
    <message>
        <source>Record that this list must not be used (reject_list), with a rationale.</source>
        <translation>Record that this list must not be used (reject_list), with a rationale.</translation>
    </message>
    <message>
        <source>Show rows that are:</source>
        <translation>Show rows that are:</translation>
    </message>
    <message>
        <source>&amp;invalid</source>
        <translation>&amp;invalid</translation>
    </message>
    <message>
        <source>d&amp;uplicate</source>
        <translation>d&amp;uplicate</translation>
    </message>
    <message>
        <source>&amp;role</source>
        <translation>&amp;role</translation>
    </message>
    <message>
        <source>di&amp;sposable</source>
        <translation>di&amp;sposable</translation>
    </message>
    <message>
        <source>&amp;typo</source>
        <translation>&amp;typo</translation>
    </message>
    <message>
        <source>Show %1 rows</source>
        <translation>Show %1 rows</translation>
    </message>
    <message>
        <source>Offending rows of the list</source>
        <translation>Offending rows of the list</translation>
    </message>
    <message>
        <source>Imported lists of this account:</source>
        <translation>Imported lists of this account:</translation>
    </message>
    <message>
        <source>not screened</source>
        <translation>not screened</translation>
    </message>
    <message>
        <source>no file in the bundle</source>
        <translation>no file in the bundle</translation>
    </message>
    <message>
        <source>%1 by %2, %3</source>
        <translation>%1 by %2, %3</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>This account has no imported lists.</source>
        <translation>This account has no imported lists.</translation>
    </message>
    <message>
        <source>List %1 — %2 (source: %3)</source>
        <translation>List %1 — %2 (source: %3)</translation>
    </message>
    <message>
        <source>The uploaded file of this list has not been screened.</source>
        <translation>The uploaded file of this list has not been screened.</translation>
    </message>
    <message>
        <source>The bundle holds no uploaded file for this list (lists/%1/%2.csv), so there is nothing to screen.</source>
        <translation>The bundle holds no uploaded file for this list (lists/%1/%2.csv), so there is nothing to screen.</translation>
    </message>
    <message>
        <source>no policy rule</source>
        <translation>no policy rule</translation>
    </message>
    <message>
        <source>for information</source>
        <translation>for information</translation>
    </message>
    <message>
        <source>rule off in this policy</source>
        <translation>rule off in this policy</translation>
    </message>
    <message>
        <source>none allowed</source>
        <translation>none allowed</translation>
    </message>
    <message>
        <source>%1: any such row fires the rule</source>
        <translation>%1: any such row fires the rule</translation>
    </message>
    <message>
        <source>below %1</source>
        <translation>below %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>at most %1</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>pass</translation>
    </message>
    <message>
        <source>%1 does not fire</source>
        <translation>%1 does not fire</translation>
    </message>
    <message>
        <source>No list rule of policy %1 fires on this file.</source>
        <translation>No list rule of policy %1 fires on this file.</translation>
    </message>
    <message>
        <source>Shares are of all %1 rows; a row can have several problems.</source>
        <translation>Shares are of all %1 rows; a row can have several problems.</translation>
    </message>
    <message>
        <source>No screened file: no domain breakdown</source>
        <translation>No screened file: no domain breakdown</translation>
    </message>
    <message>
        <source>No valid address: no domain breakdown</source>
        <translation>No valid address: no domain breakdown</translation>
    </message>
    <message>
        <source>%1 (disposable)</source>
        <translation>%1 (disposable)</translation>
    </message>
    <message>
        <source>%1 (typo of %2)</source>
        <translation>%1 (typo of %2)</translation>
    </message>
    <message>
        <source>Share of valid addresses</source>
        <translation>Share of valid addresses</translation>
    </message>
    <message>
        <source>Domains by share of the %1 valid addresses (top %2 of %3)</source>
        <translation>Domains by share of the %1 valid addresses (top %2 of %3)</translation>
    </message>
    <message>
        <source>No decision on this list yet.</source>
        <translation>No decision on this list yet.</translation>
    </message>
    <message>
        <source>Rejected by %1 on %2.</source>
        <translation>Rejected by %1 on %2.</translation>
    </message>
    <message>
        <source>Approved by %1 on %2.</source>
        <translation>Approved by %1 on %2.</translation>
    </message>
    <message>
        <source>Rationale: %1</source>
        <translation>Rationale: %1</translation>
    </message>
    <message>
        <source>All %1 rows of the file</source>
        <translation>All %1 rows of the file</translation>
    </message>
    <message>
        <source>%1 matching rows</source>
        <translation>%1 matching rows</translation>
    </message>
    <message>
        <source>over (%1)</source>
        <translation>over (%1)</translation>
    </message>
    <message>
        <source>%1 fires: %2</source>
        <translation>%1 fires: %2</translation>
    </message>
    <message>
        <source>others (%1)</source>
        <translation>others (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n list rule(s) of policy %1 fire on this file: %2.</source>
        <translation>
            <numerusform>%n list rule of policy %1 fires on this file: %2.</numerusform>
            <numerusform>%n list rules of policy %1 fire on this file: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Disposable</source>
        <translation>Disposable</translation>
    </message>
    <message>
        <source>Typo</source>
        <translation>Typo</translation>
    </message>
    <message>
        <source>Declared size</source>
        <translation>Declared size</translation>
    </message>
</context>
<context>
    <name>ad::ui::MainWindow</name>
    <message>
        <source>AbuseDesk</source>
        <translation>AbuseDesk</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>The configured policy cannot be loaded (%1); using the built-in optimais policy.</source>
        <translation>The configured policy cannot be loaded (%1); using the built-in optimais policy.</translation>
    </message>
    <message>
        <source>&amp;Import bundle folder…</source>
        <translation>&amp;Import bundle folder…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import a case bundle folder (the folder holding manifest.json); you can also drop it on the window</source>
        <translation>Import a case bundle folder (the folder holding manifest.json); you can also drop it on the window</translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation>&amp;Open store…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Find in queue</source>
        <translation>&amp;Find in queue</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Re-&amp;evaluate all</source>
        <translation>Re-&amp;evaluate all</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Next account</source>
        <translation>&amp;Next account</translation>
    </message>
    <message>
        <source>&amp;Previous account</source>
        <translation>&amp;Previous account</translation>
    </message>
    <message>
        <source>Back to the &amp;queue</source>
        <translation>Back to the &amp;queue</translation>
    </message>
    <message>
        <source>&amp;Decide…</source>
        <translation>&amp;Decide…</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Record a decision with the recommended action preselected</source>
        <translation>Record a decision with the recommended action preselected</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>&amp;Approve pending termination…</source>
        <translation>&amp;Approve pending termination…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;About AbuseDesk</source>
        <translation>&amp;About AbuseDesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>Open store</source>
        <translation>Open store</translation>
    </message>
    <message>
        <source>The case store %1 cannot be opened: %2</source>
        <translation>The case store %1 cannot be opened: %2</translation>
    </message>
    <message>
        <source>No case store open</source>
        <translation>No case store open</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Store: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>As of %1</translation>
    </message>
    <message>
        <source>As of: no import yet</source>
        <translation>As of: no import yet</translation>
    </message>
    <message>
        <source>Policy: %1 %2</source>
        <translation>Policy: %1 %2</translation>
    </message>
    <message>
        <source>Reviewer: %1</source>
        <translation>Reviewer: %1</translation>
    </message>
    <message>
        <source>Import case bundle folder</source>
        <translation>Import case bundle folder</translation>
    </message>
    <message>
        <source>Case bundles (*.zip);;All files (*)</source>
        <translation>Case bundles (*.zip);;All files (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Open case store</source>
        <translation>Open case store</translation>
    </message>
    <message>
        <source>Case stores (*.sqlite *.db);;All files (*)</source>
        <translation>Case stores (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>%1: terminate recorded by %2, waiting for a second reviewer&apos;s approval.</source>
        <translation>%1: terminate recorded by %2, waiting for a second reviewer&apos;s approval.</translation>
    </message>
    <message>
        <source>%1: %2 recorded by %3; status now %4.</source>
        <translation>%1: %2 recorded by %3; status now %4.</translation>
    </message>
    <message>
        <source>%1: termination approved by %2; status now %3.</source>
        <translation>%1: termination approved by %2; status now %3.</translation>
    </message>
    <message>
        <source>The new language applies the next time AbuseDesk starts.</source>
        <translation>The new language applies the next time AbuseDesk starts.</translation>
    </message>
    <message>
        <source>About AbuseDesk</source>
        <translation>About AbuseDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;AbuseDesk %1&lt;/h3&gt;&lt;p&gt;Compliance review desk for e-mail marketing abuse.&lt;/p&gt;&lt;p&gt;Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). This program comes with ABSOLUTELY NO WARRANTY.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;AbuseDesk %1&lt;/h3&gt;&lt;p&gt;Compliance review desk for e-mail marketing abuse.&lt;/p&gt;&lt;p&gt;Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). This program comes with ABSOLUTELY NO WARRANTY.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import bundle .&amp;zip…</source>
        <translation>Import bundle .&amp;zip…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Import a case bundle packed as a .zip file; you can also drop it on the window</source>
        <translation>Import a case bundle packed as a .zip file; you can also drop it on the window</translation>
    </message>
    <message>
        <source>Import case bundle .zip</source>
        <translation>Import case bundle .zip</translation>
    </message>
    <message>
        <source>%1: list %2: %3 recorded by %4.</source>
        <translation>%1: list %2: %3 recorded by %4.</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Export report…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Write the current account&apos;s case report (PDF, HTML or JSON)</source>
        <translation>Write the current account&apos;s case report (PDF, HTML or JSON)</translation>
    </message>
    <message>
        <source>Export &amp;redacted report…</source>
        <translation>Export &amp;redacted report…</translation>
    </message>
    <message>
        <source>The case report with subscriber addresses and personal data masked</source>
        <translation>The case report with subscriber addresses and personal data masked</translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation>PDF report (*.pdf)</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML report (*.html)</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>JSON report (*.json)</translation>
    </message>
    <message>
        <source>Export report — %1</source>
        <translation>Export report — %1</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Report written to %1</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>The report was not written: %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::MessageViewer</name>
    <message>
        <source>Message preview</source>
        <translation>Message preview</translation>
    </message>
    <message>
        <source>This message cannot be shown: %1</source>
        <translation>This message cannot be shown: %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::MessagesTab</name>
    <message>
        <source>Sample messages</source>
        <translation>Sample messages</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Links in the message</source>
        <translation>Links in the message</translation>
    </message>
    <message>
        <source>Visible text</source>
        <translation>Visible text</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Target domain</source>
        <translation>Target domain</translation>
    </message>
    <message>
        <source>The bundle holds no sample message for this account.</source>
        <translation>The bundle holds no sample message for this account.</translation>
    </message>
    <message>
        <source>Authentication: SPF %1, DKIM %2, DMARC %3</source>
        <translation>Authentication: SPF %1, DKIM %2, DMARC %3</translation>
    </message>
    <message>
        <source>No List-Unsubscribe header</source>
        <translation>No List-Unsubscribe header</translation>
    </message>
    <message>
        <source>List-Unsubscribe: %1</source>
        <translation>List-Unsubscribe: %1</translation>
    </message>
    <message>
        <source>one-click unsubscribe (RFC 8058): yes</source>
        <translation>one-click unsubscribe (RFC 8058): yes</translation>
    </message>
    <message>
        <source>one-click unsubscribe (RFC 8058): no</source>
        <translation>one-click unsubscribe (RFC 8058): no</translation>
    </message>
    <message>
        <source>Repaired while reading: %1</source>
        <translation>Repaired while reading: %1</translation>
    </message>
    <message>
        <source>The visible text names a different domain than the link goes to.</source>
        <translation>The visible text names a different domain than the link goes to.</translation>
    </message>
    <message>
        <source>%1 (differs from the text)</source>
        <translation>%1 (differs from the text)</translation>
    </message>
</context>
<context>
    <name>ad::ui::MetricsTab</name>
    <message>
        <source>Complaint rate</source>
        <translation>Complaint rate</translation>
    </message>
    <message>
        <source>Bounce rate</source>
        <translation>Bounce rate</translation>
    </message>
    <message>
        <source>Unsubscribe rate</source>
        <translation>Unsubscribe rate</translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation>Open rate</translation>
    </message>
    <message>
        <source>This account has no campaigns.</source>
        <translation>This account has no campaigns.</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s). Dashed lines are the policy thresholds; the rules only count campaigns with at least %1 messages.</source>
        <translation>
            <numerusform>%n campaign. Dashed lines are the policy thresholds; the rules only count campaigns with at least %1 messages.</numerusform>
            <numerusform>%n campaigns. Dashed lines are the policy thresholds; the rules only count campaigns with at least %1 messages.</numerusform>
        </translation>
    </message>
    <message>
        <source>per campaign (%)</source>
        <translation>per campaign (%)</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>campaign</translation>
    </message>
    <message>
        <source>policy minimum %1</source>
        <translation>policy minimum %1</translation>
    </message>
    <message>
        <source>policy maximum %1</source>
        <translation>policy maximum %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::OverviewTab</name>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Policy clause</source>
        <translation>Policy clause</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Value / threshold</source>
        <translation>Value / threshold</translation>
    </message>
    <message>
        <source>What would clear it</source>
        <translation>What would clear it</translation>
    </message>
    <message>
        <source>Linked accounts (shared senders, link domains or content) — activate to open:</source>
        <translation>Linked accounts (shared senders, link domains or content) — activate to open:</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Linked accounts</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>Business name</translation>
    </message>
    <message>
        <source>Owner e-mail</source>
        <translation>Owner e-mail</translation>
    </message>
    <message>
        <source>Sender addresses</source>
        <translation>Sender addresses</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Postal address</translation>
    </message>
    <message>
        <source>Web site</source>
        <translation>Web site</translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation>Signed up</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 (terminate awaiting second approval)</source>
        <translation>%1 (terminate awaiting second approval)</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n campaign</numerusform>
            <numerusform>%n campaigns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n list(s)</source>
        <translation>
            <numerusform>%n list</numerusform>
            <numerusform>%n lists</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n evidence row(s)</source>
        <translation>
            <numerusform>%n evidence row</numerusform>
            <numerusform>%n evidence rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n complaint</numerusform>
            <numerusform>%n complaints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation>Evaluated</translation>
    </message>
    <message>
        <source>as of %1 with policy %2 %3</source>
        <translation>as of %1 with policy %2 %3</translation>
    </message>
    <message>
        <source>Not evaluated yet: use View ▸ Re-evaluate all.</source>
        <translation>Not evaluated yet: use View ▸ Re-evaluate all.</translation>
    </message>
    <message>
        <source>Recommended action: none — no finding above info.</source>
        <translation>Recommended action: none — no finding above info.</translation>
    </message>
    <message numerus="yes">
        <source>Recommended action: %1 (%n finding(s))</source>
        <translation>
            <numerusform>Recommended action: %1 (%n finding)</numerusform>
            <numerusform>Recommended action: %1 (%n findings)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (limit %2)</source>
        <translation>%1 (limit %2)</translation>
    </message>
    <message>
        <source>No rule fired for this account.</source>
        <translation>No rule fired for this account.</translation>
    </message>
    <message>
        <source>Open account %1</source>
        <translation>Open account %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::QueueModel</name>
    <message>
        <source>%1 · terminate pending</source>
        <translation>%1 · terminate pending</translation>
    </message>
    <message>
        <source>not evaluated</source>
        <translation>not evaluated</translation>
    </message>
    <message>
        <source>A terminate decision is waiting for a second reviewer&apos;s approval.</source>
        <translation>A terminate decision is waiting for a second reviewer&apos;s approval.</translation>
    </message>
    <message>
        <source>Most severe finding (%1)</source>
        <translation>Most severe finding (%1)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Recommended</translation>
    </message>
    <message>
        <source>Worst finding</source>
        <translation>Worst finding</translation>
    </message>
    <message>
        <source>Spam complaints / delivered, campaigns with enough volume</source>
        <translation>Spam complaints / delivered, campaigns with enough volume</translation>
    </message>
    <message>
        <source>Complaint %</source>
        <translation>Complaint %</translation>
    </message>
    <message>
        <source>Bounces / sent, campaigns with enough volume</source>
        <translation>Bounces / sent, campaigns with enough volume</translation>
    </message>
    <message>
        <source>Bounce %</source>
        <translation>Bounce %</translation>
    </message>
    <message>
        <source>Unsubscribes / delivered, campaigns with enough volume</source>
        <translation>Unsubscribes / delivered, campaigns with enough volume</translation>
    </message>
    <message>
        <source>Unsubscribe %</source>
        <translation>Unsubscribe %</translation>
    </message>
    <message>
        <source>Unique opens / delivered, campaigns with enough volume</source>
        <translation>Unique opens / delivered, campaigns with enough volume</translation>
    </message>
    <message>
        <source>Open %</source>
        <translation>Open %</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
</context>
<context>
    <name>ad::ui::QueueView</name>
    <message>
        <source>Search accounts, e-mails, messages…</source>
        <translation>Search accounts, e-mails, messages…</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Search the queue</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Status filter</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Recommended action filter</source>
        <translation>Recommended action filter</translation>
    </message>
    <message>
        <source>Any recommendation</source>
        <translation>Any recommendation</translation>
    </message>
    <message>
        <source>Rule filter</source>
        <translation>Rule filter</translation>
    </message>
    <message>
        <source>Any rule</source>
        <translation>Any rule</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Pending approval</translation>
    </message>
    <message>
        <source>Only accounts with a terminate decision waiting for a second reviewer</source>
        <translation>Only accounts with a terminate decision waiting for a second reviewer</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Review queue</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ad::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>Reviewer name</translation>
    </message>
    <message>
        <source>Recorded with every decision and approval you make.</source>
        <translation>Recorded with every decision and approval you make.</translation>
    </message>
    <message>
        <source>&amp;Reviewer:</source>
        <translation>&amp;Reviewer:</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>A new language applies the next time AbuseDesk starts.</source>
        <translation>A new language applies the next time AbuseDesk starts.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>Built-in: %1</source>
        <translation>Built-in: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>From file…</source>
        <translation>From file…</translation>
    </message>
    <message>
        <source>&amp;Policy:</source>
        <translation>&amp;Policy:</translation>
    </message>
    <message>
        <source>Case store file</source>
        <translation>Case store file</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Case store</source>
        <translation>Case store</translation>
    </message>
    <message>
        <source>Case stores (*.sqlite *.db);;All files (*)</source>
        <translation>Case stores (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Case &amp;store:</source>
        <translation>Case &amp;store:</translation>
    </message>
    <message>
        <source>Policy file</source>
        <translation>Policy file</translation>
    </message>
    <message>
        <source>Policies (*.json);;All files (*)</source>
        <translation>Policies (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>The reviewer name cannot be empty: it is recorded with every decision.</source>
        <translation>The reviewer name cannot be empty: it is recorded with every decision.</translation>
    </message>
    <message>
        <source>This policy file cannot be used: %1</source>
        <translation>This policy file cannot be used: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>AbuseDesk: review flagged e-mail marketing accounts and record decisions.</source>
        <translation>AbuseDesk: review flagged e-mail marketing accounts and record decisions.</translation>
    </message>
    <message>
        <source>Case store to open (default: the user&apos;s store).</source>
        <translation>Case store to open (default: the user&apos;s store).</translation>
    </message>
    <message>
        <source>Import this case bundle (folder or .zip) on start.</source>
        <translation>Import this case bundle (folder or .zip) on start.</translation>
    </message>
    <message>
        <source>Case view tab to show: overview, metrics, messages, evidence, lists, complaints or history.</source>
        <translation>Case view tab to show: overview, metrics, messages, evidence, lists, complaints or history.</translation>
    </message>
    <message>
        <source>Open this account when the program has started.</source>
        <translation>Open this account when the program has started.</translation>
    </message>
    <message>
        <source>Open the decision dialog for that account.</source>
        <translation>Open the decision dialog for that account.</translation>
    </message>
</context>
</TS>
