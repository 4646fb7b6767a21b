<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en_GB">
<context>
    <name>Labels</name>
    <message>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>warned</source>
        <translation>diperingatkan</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>ditangguhkan</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>diakhiri</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>peringatkan</translation>
    </message>
    <message>
        <source>suspend</source>
        <translation>tangguhkan</translation>
    </message>
    <message>
        <source>terminate</source>
        <translation>akhiri</translation>
    </message>
    <message>
        <source>reinstate</source>
        <translation>pulihkan</translation>
    </message>
    <message>
        <source>dismiss</source>
        <translation>abaikan</translation>
    </message>
    <message>
        <source>request proof</source>
        <translation>minta bukti</translation>
    </message>
    <message>
        <source>approve list</source>
        <translation>setujui daftar</translation>
    </message>
    <message>
        <source>reject list</source>
        <translation>tolak daftar</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>effective</source>
        <translation>berlaku</translation>
    </message>
    <message>
        <source>awaiting second approval</source>
        <translation>menunggu persetujuan kedua</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>disetujui</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>digantikan</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
</context>
<context>
    <name>ad::preview::MessagePreview</name>
    <message>
        <source>an inline part referenced as cid:%1 is missing from the message</source>
        <translation>bagian inline yang dirujuk sebagai cid:%1 tidak ada dalam pesan</translation>
    </message>
    <message>
        <source>scripts removed</source>
        <translation>skrip dihapus</translation>
    </message>
    <message>
        <source>&lt;base&gt; removed</source>
        <translation>&lt;base&gt; dihapus</translation>
    </message>
    <message>
        <source>&lt;link&gt; elements removed</source>
        <translation>elemen &lt;link&gt; dihapus</translation>
    </message>
    <message>
        <source>&lt;meta http-equiv=refresh&gt; removed</source>
        <translation>&lt;meta http-equiv=refresh&gt; dihapus</translation>
    </message>
    <message>
        <source>[blocked &lt;%1&gt;]</source>
        <translation>[&lt;%1&gt; diblokir]</translation>
    </message>
    <message>
        <source>[blocked &lt;%1&gt; from %2]</source>
        <translation>[&lt;%1&gt; dari %2 diblokir]</translation>
    </message>
    <message>
        <source>embedded frames/objects removed</source>
        <translation>bingkai/objek tersemat dihapus</translation>
    </message>
    <message>
        <source>event handler attributes removed</source>
        <translation>atribut penangan peristiwa dihapus</translation>
    </message>
    <message>
        <source>form targets removed</source>
        <translation>tujuan formulir dihapus</translation>
    </message>
    <message>
        <source>the link is a %1: URL, not a web address</source>
        <translation>tautan ini berupa URL %1:, bukan alamat web</translation>
    </message>
    <message>
        <source>the text shows %1 but the link has no web domain</source>
        <translation>teks menampilkan %1 tetapi tautan tidak memiliki domain web</translation>
    </message>
    <message>
        <source>the text shows %1 but the link goes to %2</source>
        <translation>teks menampilkan %1 tetapi tautan menuju %2</translation>
    </message>
    <message>
        <source>internationalised domain, displayed as %1</source>
        <translation>domain internasional, ditampilkan sebagai %1</translation>
    </message>
    <message>
        <source>Message title</source>
        <translation>Judul pesan</translation>
    </message>
    <message>
        <source>Message summary</source>
        <translation>Ringkasan pesan</translation>
    </message>
    <message>
        <source>Message views</source>
        <translation>Tampilan pesan</translation>
    </message>
    <message>
        <source>Rendered message</source>
        <translation>Pesan hasil render</translation>
    </message>
    <message>
        <source>Rendered</source>
        <translation>Hasil render</translation>
    </message>
    <message>
        <source>Plain text body</source>
        <translation>Isi teks biasa</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Teks biasa</translation>
    </message>
    <message>
        <source>Decoded headers</source>
        <translation>Header yang didekodekan</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Raw header block</source>
        <translation>Blok header mentah</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Raw message source</source>
        <translation>Sumber pesan mentah</translation>
    </message>
    <message>
        <source>Raw source</source>
        <translation>Sumber mentah</translation>
    </message>
    <message>
        <source>Links in the message</source>
        <translation>Tautan dalam pesan</translation>
    </message>
    <message>
        <source>Visible text</source>
        <translation>Teks terlihat</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Tautan</translation>
    </message>
    <message>
        <source>Attachments of the message</source>
        <translation>Lampiran pesan</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nama berkas</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposisi</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <source>Preview status</source>
        <translation>Status pratinjau</translation>
    </message>
    <message>
        <source>Link target</source>
        <translation>Tujuan tautan</translation>
    </message>
    <message>
        <source>Link target: %1</source>
        <translation>Tujuan tautan: %1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Dari: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Subjek: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Tanggal: %1</translation>
    </message>
    <message>
        <source>(this message has no text/plain part)</source>
        <translation>(pesan ini tidak memiliki bagian text/plain)</translation>
    </message>
    <message>
        <source>Deceptive: %1</source>
        <translation>Menyesatkan: %1</translation>
    </message>
    <message>
        <source>Links (%1, %2 deceptive)</source>
        <translation>Tautan (%1, %2 menyesatkan)</translation>
    </message>
    <message>
        <source>Links (%1)</source>
        <translation>Tautan (%1)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(tanpa nama)</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 byte</translation>
    </message>
    <message>
        <source>inline</source>
        <translation>tersemat</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>lampiran</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>Lampiran (%1)</translation>
    </message>
    <message>
        <source>This message has no text or HTML body.</source>
        <translation>Pesan ini tidak memiliki isi teks atau HTML.</translation>
    </message>
    <message>
        <source>1 remote resource blocked (host: %1)</source>
        <translation>1 sumber daya jarak jauh diblokir (host: %1)</translation>
    </message>
    <message>
        <source>%1 remote resources blocked (hosts: %2)</source>
        <translation>%1 sumber daya jarak jauh diblokir (host: %2)</translation>
    </message>
    <message>
        <source>No remote resources referenced</source>
        <translation>Tidak ada sumber daya jarak jauh yang dirujuk</translation>
    </message>
    <message>
        <source>Parser: %1</source>
        <translation>Pengurai: %1</translation>
    </message>
    <message>
        <source>Link not opened (preview never navigates): %1</source>
        <translation>Tautan tidak dibuka (pratinjau tidak pernah bernavigasi): %1</translation>
    </message>
    <message>
        <source>the message could not be parsed: %1</source>
        <translation>pesan tidak dapat diurai: %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::BackgroundJob</name>
    <message numerus="yes">
        <source>%Ln account(s)</source>
        <translation>
            <numerusform>%Ln akun</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln campaign(s)</source>
        <translation>
            <numerusform>%Ln kampanye</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln complaint(s)</source>
        <translation>
            <numerusform>%Ln keluhan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln evidence row(s)</source>
        <translation>
            <numerusform>%Ln baris bukti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln pesan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln list(s) with %1</source>
        <translation>
            <numerusform>%Ln daftar dengan %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln address row(s)</source>
        <translation>
            <numerusform>%Ln baris alamat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln peringatan</numerusform>
        </translation>
    </message>
    <message>
        <source>no warnings</source>
        <translation>tanpa peringatan</translation>
    </message>
    <message>
        <source>Imported %1 (%2).</source>
        <translation>Diimpor: %1 (%2).</translation>
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
        <translation>Kasus akun</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Ringkasan</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Metrik</translation>
    </message>
    <message>
        <source>M&amp;essages</source>
        <translation>P&amp;esan</translation>
    </message>
    <message>
        <source>&amp;Permission evidence</source>
        <translation>Bukti &amp;izin</translation>
    </message>
    <message>
        <source>&amp;Complaints</source>
        <translation>&amp;Keluhan</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Ri&amp;wayat</translation>
    </message>
    <message>
        <source>No account selected</source>
        <translation>Tidak ada akun yang dipilih</translation>
    </message>
    <message>
        <source>Account %1 is not in the store</source>
        <translation>Akun %1 tidak ada di penyimpanan</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>M&amp;essages (%1)</source>
        <translation>P&amp;esan (%1)</translation>
    </message>
    <message>
        <source>&amp;Complaints (%1)</source>
        <translation>&amp;Keluhan (%1)</translation>
    </message>
    <message>
        <source>&amp;Lists</source>
        <translation>&amp;Daftar</translation>
    </message>
</context>
<context>
    <name>ad::ui::ComplaintsTab</name>
    <message>
        <source>Complaint reports</source>
        <translation>Laporan keluhan</translation>
    </message>
    <message>
        <source>Arrival date</source>
        <translation>Tanggal tiba</translation>
    </message>
    <message>
        <source>Feedback type</source>
        <translation>Jenis umpan balik</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Penerima</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampanye</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>ARF report %1</source>
        <translation>Laporan ARF %1</translation>
    </message>
    <message>
        <source>%1 line %2</source>
        <translation>%1 baris %2</translation>
    </message>
    <message>
        <source>No complaint report was referred to this account.</source>
        <translation>Tidak ada laporan keluhan yang dirujuk ke akun ini.</translation>
    </message>
    <message>
        <source>This complaint came without the reported message (a CSV row).</source>
        <translation>Keluhan ini datang tanpa pesan yang dilaporkan (baris CSV).</translation>
    </message>
    <message>
        <source>The reported message, as attached to the feedback report:</source>
        <translation>Pesan yang dilaporkan, sebagaimana dilampirkan pada laporan umpan balik:</translation>
    </message>
</context>
<context>
    <name>ad::ui::DecisionDialog</name>
    <message>
        <source>Decision — %1</source>
        <translation>Keputusan — %1</translation>
    </message>
    <message>
        <source>Approve termination — %1</source>
        <translation>Setujui pengakhiran — %1</translation>
    </message>
    <message>
        <source>Account %1 — %2
Current status: %3 · Recommended by the rules: %4
Reviewer: %5</source>
        <translation>Akun %1 — %2
Status saat ini: %3 · Rekomendasi aturan: %4
Peninjau: %5</translation>
    </message>
    <message>
        <source>Termination proposed by %1 on %2. Rationale: %3</source>
        <translation>Pengakhiran diusulkan oleh %1 pada %2. Alasan: %3</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1 (direkomendasikan)</translation>
    </message>
    <message>
        <source>Shortcut in the queue: %1</source>
        <translation>Pintasan di antrean: %1</translation>
    </message>
    <message>
        <source>Findings — tick each one you have checked against the evidence; an unticked finding is recorded as disputed and needs a rationale:</source>
        <translation>Temuan — centang setiap temuan yang sudah Anda periksa terhadap bukti; temuan yang tidak dicentang dicatat sebagai dibantah dan memerlukan alasan:</translation>
    </message>
    <message>
        <source>Findings the termination rests on — tick each one you have checked:</source>
        <translation>Temuan yang menjadi dasar pengakhiran — centang setiap temuan yang sudah Anda periksa:</translation>
    </message>
    <message>
        <source>Findings checklist</source>
        <translation>Daftar periksa temuan</translation>
    </message>
    <message>
        <source>[%1] %2 — %3</source>
        <translation>[%1] %2 — %3</translation>
    </message>
    <message>
        <source>%1
Would clear: %2</source>
        <translation>%1
Akan selesai jika: %2</translation>
    </message>
    <message>
        <source>No rule fired for this account.</source>
        <translation>Tidak ada aturan yang terpicu untuk akun ini.</translation>
    </message>
    <message>
        <source>&amp;Rationale:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Why this action? Required when it differs from the recommendation.</source>
        <translation>Mengapa tindakan ini? Wajib jika berbeda dari rekomendasi.</translation>
    </message>
    <message>
        <source>Customer notice:</source>
        <translation>Pemberitahuan pelanggan:</translation>
    </message>
    <message>
        <source>Notice language</source>
        <translation>Bahasa pemberitahuan</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inggris</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesia</translation>
    </message>
    <message>
        <source>Customer notice preview</source>
        <translation>Pratinjau pemberitahuan pelanggan</translation>
    </message>
    <message>
        <source>&amp;Record decision</source>
        <translation>&amp;Catat keputusan</translation>
    </message>
    <message>
        <source>&amp;Approve termination</source>
        <translation>&amp;Setujui pengakhiran</translation>
    </message>
    <message>
        <source>Disputed findings: %1.</source>
        <translation>Temuan yang dibantah: %1.</translation>
    </message>
    <message>
        <source>No terminate decision is waiting for approval on this account.</source>
        <translation>Tidak ada keputusan pengakhiran yang menunggu persetujuan pada akun ini.</translation>
    </message>
    <message>
        <source>You (%1) proposed this termination: a second, different reviewer must approve it. Change the reviewer in Settings if someone else is at this desk.</source>
        <translation>Anda (%1) mengusulkan pengakhiran ini: peninjau kedua yang berbeda harus menyetujuinya. Ganti peninjau di Pengaturan jika orang lain yang sedang bertugas.</translation>
    </message>
    <message>
        <source>Tick every finding you have checked; an approval confirms all of them.</source>
        <translation>Centang setiap temuan yang sudah Anda periksa; persetujuan mengonfirmasi semuanya.</translation>
    </message>
    <message>
        <source>Choose an action.</source>
        <translation>Pilih tindakan.</translation>
    </message>
    <message>
        <source>A rationale of at least a sentence (20 characters, 3 words) is required: %1 differs from the recommendation (%2).</source>
        <translation>Diperlukan alasan minimal satu kalimat (20 karakter, 3 kata): %1 berbeda dari rekomendasi (%2).</translation>
    </message>
    <message numerus="yes">
        <source>You disputed %n finding(s): explain why in at least a sentence (20 characters, 3 words).</source>
        <translation>
            <numerusform>Anda membantah %n temuan: jelaskan alasannya minimal dalam satu kalimat (20 karakter, 3 kata).</numerusform>
        </translation>
    </message>
    <message>
        <source>✓ Override of the recommendation, with a rationale.</source>
        <translation>✓ Menyimpang dari rekomendasi, dengan alasan.</translation>
    </message>
    <message>
        <source>The action follows the recommendation; a rationale is optional.</source>
        <translation>Tindakan mengikuti rekomendasi; alasan bersifat opsional.</translation>
    </message>
    <message>
        <source>Approving makes the termination effective now and sends the notice.</source>
        <translation>Persetujuan membuat pengakhiran berlaku sekarang dan mengirim pemberitahuan.</translation>
    </message>
    <message>
        <source>Terminate needs a second reviewer: it is recorded as pending and takes effect only when a different reviewer approves it (Case ▸ Approve pending termination). Until then the account stays %1.</source>
        <translation>Pengakhiran memerlukan peninjau kedua: dicatat sebagai tertunda dan baru berlaku setelah peninjau lain menyetujuinya (Kasus ▸ Setujui pengakhiran tertunda). Sampai saat itu status akun tetap %1.</translation>
    </message>
    <message>
        <source>No notice is sent to the customer for this action.</source>
        <translation>Tidak ada pemberitahuan yang dikirim ke pelanggan untuk tindakan ini.</translation>
    </message>
    <message>
        <source>The notice cannot be generated: %1</source>
        <translation>Pemberitahuan tidak dapat dibuat: %1</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Tidak dicatat: %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::EvidenceTab</name>
    <message>
        <source>Mailing lists</source>
        <translation>Daftar surel</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Daftar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Diperoleh</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Double opt-in</source>
        <translation>Konfirmasi ganda</translation>
    </message>
    <message>
        <source>Screening of the uploaded file</source>
        <translation>Penyaringan berkas yang diunggah</translation>
    </message>
    <message>
        <source>Permission evidence rows</source>
        <translation>Baris bukti izin</translation>
    </message>
    <message>
        <source>Subscriber</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <source>Consent time</source>
        <translation>Waktu persetujuan</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Wording agreed to</source>
        <translation>Teks yang disetujui</translation>
    </message>
    <message>
        <source>Why it is not valid</source>
        <translation>Mengapa tidak sah</translation>
    </message>
    <message>
        <source>Only rows that are not valid permission</source>
        <translation>Hanya baris yang bukan izin sah</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Daftar</translation>
    </message>
    <message>
        <source>%1 rows: %2 invalid, %3 duplicates, %4 role, %5 disposable, %6 typo domains</source>
        <translation>%1 baris: %2 tidak valid, %3 duplikat, %4 alamat peran, %5 sekali pakai, %6 domain salah ketik</translation>
    </message>
    <message>
        <source>not screened</source>
        <translation>belum disaring</translation>
    </message>
    <message>
        <source>no file uploaded in the bundle</source>
        <translation>tidak ada berkas yang diunggah dalam bundel</translation>
    </message>
    <message>
        <source> (pre-ticked)</source>
        <translation> (dicentang sejak awal)</translation>
    </message>
    <message>
        <source> (not pre-ticked)</source>
        <translation> (tidak dicentang sejak awal)</translation>
    </message>
    <message>
        <source> (e-mail explained)</source>
        <translation> (surel dijelaskan)</translation>
    </message>
    <message>
        <source> (e-mail not explained)</source>
        <translation> (surel tidak dijelaskan)</translation>
    </message>
    <message>
        <source> (last purchase %1)</source>
        <translation> (pembelian terakhir %1)</translation>
    </message>
    <message>
        <source>The bundle holds no permission evidence for this account.</source>
        <translation>Bundel tidak memuat bukti izin untuk akun ini.</translation>
    </message>
    <message>
        <source>%1 of %2 sampled subscribers are not valid permission (highlighted).</source>
        <translation>%1 dari %2 pelanggan sampel bukan izin sah (disorot).</translation>
    </message>
    <message>
        <source>method &quot;none&quot;: no permission recorded</source>
        <translation>metode &quot;none&quot;: tidak ada izin yang tercatat</translation>
    </message>
    <message>
        <source>the consent box was pre-checked</source>
        <translation>kotak persetujuan sudah dicentang sebelumnya</translation>
    </message>
    <message>
        <source>the offline form did not say the person would be e-mailed</source>
        <translation>formulir luring tidak menyebutkan bahwa orang tersebut akan dikirimi surel</translation>
    </message>
    <message>
        <source>last purchase %1 is more than 2 years ago</source>
        <translation>pembelian terakhir %1 sudah lebih dari 2 tahun yang lalu</translation>
    </message>
    <message>
        <source>purchase without a purchase date</source>
        <translation>pembelian tanpa tanggal pembelian</translation>
    </message>
    <message>
        <source>not valid permission</source>
        <translation>bukan izin sah</translation>
    </message>
    <message>
        <source>no consent time</source>
        <translation>tidak ada waktu persetujuan</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>tidak ada sumber</translation>
    </message>
    <message>
        <source>consent cannot be proven</source>
        <translation>persetujuan tidak dapat dibuktikan</translation>
    </message>
    <message>
        <source>last contacted %1, more than 2 years ago</source>
        <translation>terakhir dihubungi %1, lebih dari 2 tahun yang lalu</translation>
    </message>
    <message>
        <source>never contacted since consent on %1, more than 2 years ago</source>
        <translation>tidak pernah dihubungi sejak persetujuan pada %1, lebih dari 2 tahun yang lalu</translation>
    </message>
</context>
<context>
    <name>ad::ui::HistoryTab</name>
    <message>
        <source>Account history</source>
        <translation>Riwayat akun</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kapan</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Di mana</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Rationale / reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Kebijakan</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>platform</translation>
    </message>
    <message>
        <source>approval of decision #%1</source>
        <translation>persetujuan keputusan #%1</translation>
    </message>
    <message>
        <source>approved by %1 on %2</source>
        <translation>disetujui oleh %1 pada %2</translation>
    </message>
    <message>
        <source>[override of recommended %1] %2</source>
        <translation>[menyimpang dari rekomendasi %1] %2</translation>
    </message>
    <message>
        <source>AbuseDesk #%1</source>
        <translation>AbuseDesk #%1</translation>
    </message>
    <message>
        <source>No history yet: the platform exported no enforcement history for this account and no decision has been recorded in AbuseDesk.</source>
        <translation>Belum ada riwayat: platform tidak mengekspor riwayat penindakan untuk akun ini dan belum ada keputusan yang dicatat di AbuseDesk.</translation>
    </message>
</context>
<context>
    <name>ad::ui::ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>Impor %1</translation>
    </message>
    <message>
        <source>Evaluating all accounts</source>
        <translation>Mengevaluasi semua akun</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Memulai…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Kemajuan impor</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Berkas:</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>Baris:</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>Kolom:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Nilai:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Alasan:</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>Importing (step 1 of 2)…</source>
        <translation>Mengimpor (langkah 1 dari 2)…</translation>
    </message>
    <message>
        <source>%1 of %2 read · %3 rows · %4</source>
        <translation>%1 dari %2 terbaca · %3 baris · %4</translation>
    </message>
    <message>
        <source>Evaluating the rules (step 2 of 2)…</source>
        <translation>Mengevaluasi aturan (langkah 2 dari 2)…</translation>
    </message>
    <message>
        <source>Evaluating the rules…</source>
        <translation>Mengevaluasi aturan…</translation>
    </message>
    <message>
        <source>%1 of %2 accounts evaluated</source>
        <translation>%1 dari %2 akun dievaluasi</translation>
    </message>
    <message>
        <source>Imported, but the evaluation failed</source>
        <translation>Terimpor, tetapi evaluasi gagal</translation>
    </message>
    <message>
        <source>The bundle was refused; the case store was not changed.</source>
        <translation>Bundel ditolak; penyimpanan kasus tidak diubah.</translation>
    </message>
    <message>
        <source>Import cancelled; the case store was not changed.</source>
        <translation>Impor dibatalkan; penyimpanan kasus tidak diubah.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>This bundle had already been imported (import #%1); its data was replaced with the same content.</source>
        <translation>Bundel ini sudah pernah diimpor (impor #%1); datanya diganti dengan isi yang sama.</translation>
    </message>
    <message numerus="yes">
        <source>Evaluation cancelled after %n account(s): use View ▸ Re-evaluate all.</source>
        <translation>
            <numerusform>Evaluasi dibatalkan setelah %n akun: gunakan Tampilan ▸ Evaluasi ulang semua.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) evaluated.</source>
        <translation>
            <numerusform>%n akun dievaluasi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import complete</source>
        <translation>Impor selesai</translation>
    </message>
    <message>
        <source>Evaluation complete</source>
        <translation>Evaluasi selesai</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s):</source>
        <translation>
            <numerusform>%n peringatan:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ad::ui::ListDecisionDialog</name>
    <message>
        <source>Reject list %1 — %2</source>
        <translation>Tolak daftar %1 — %2</translation>
    </message>
    <message>
        <source>Approve list %1 — %2</source>
        <translation>Setujui daftar %1 — %2</translation>
    </message>
    <message>
        <source>Account %1 — %2
List %3 — %4 (source: %5)
Reviewer: %6</source>
        <translation>Akun %1 — %2
Daftar %3 — %4 (sumber: %5)
Peninjau: %6</translation>
    </message>
    <message>
        <source>Uploaded file: %1 rows: %2 invalid, %3 duplicates, %4 role, %5 disposable, %6 typo domains</source>
        <translation>Berkas yang diunggah: %1 baris: %2 tidak valid, %3 duplikat, %4 alamat peran, %5 sekali pakai, %6 domain salah ketik</translation>
    </message>
    <message>
        <source>Findings of the rules on this list:</source>
        <translation>Temuan aturan pada daftar ini:</translation>
    </message>
    <message>
        <source>Findings on this list</source>
        <translation>Temuan pada daftar ini</translation>
    </message>
    <message>
        <source>[%1] %2 — %3</source>
        <translation>[%1] %2 — %3</translation>
    </message>
    <message>
        <source>%1
Would clear: %2</source>
        <translation>%1
Akan selesai jika: %2</translation>
    </message>
    <message>
        <source>No rule fired on this list.</source>
        <translation>Tidak ada aturan yang terpicu pada daftar ini.</translation>
    </message>
    <message>
        <source>&amp;Rationale (required):</source>
        <translation>&amp;Alasan (wajib):</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Why must this list not be used? At least a sentence.</source>
        <translation>Mengapa daftar ini tidak boleh digunakan? Minimal satu kalimat.</translation>
    </message>
    <message>
        <source>Why may this list be used? At least a sentence.</source>
        <translation>Mengapa daftar ini boleh digunakan? Minimal satu kalimat.</translation>
    </message>
    <message>
        <source>Customer notice:</source>
        <translation>Pemberitahuan pelanggan:</translation>
    </message>
    <message>
        <source>Notice language</source>
        <translation>Bahasa pemberitahuan</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inggris</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesia</translation>
    </message>
    <message>
        <source>Customer notice preview</source>
        <translation>Pratinjau pemberitahuan pelanggan</translation>
    </message>
    <message>
        <source>Re&amp;ject list</source>
        <translation>&amp;Tolak daftar</translation>
    </message>
    <message>
        <source>&amp;Approve list</source>
        <translation>&amp;Setujui daftar</translation>
    </message>
    <message>
        <source>A list decision needs a rationale of at least a sentence (20 characters, 3 words).</source>
        <translation>Keputusan atas daftar memerlukan alasan minimal satu kalimat (20 karakter, 3 kata).</translation>
    </message>
    <message>
        <source>✓ Rationale given.</source>
        <translation>✓ Alasan sudah diberikan.</translation>
    </message>
    <message>
        <source>No notice is sent to the customer for this action.</source>
        <translation>Tidak ada pemberitahuan yang dikirim ke pelanggan untuk tindakan ini.</translation>
    </message>
    <message>
        <source>The notice cannot be generated: %1</source>
        <translation>Pemberitahuan tidak dapat dibuat: %1</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Tidak dicatat: %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::ListRowsModel</name>
    <message>
        <source>empty</source>
        <translation>kosong</translation>
    </message>
    <message>
        <source>address longer than 254 characters</source>
        <translation>alamat lebih dari 254 karakter</translation>
    </message>
    <message>
        <source>non-ASCII characters (internationalised addresses are not accepted)</source>
        <translation>karakter non-ASCII (alamat internasional tidak diterima)</translation>
    </message>
    <message>
        <source>bad quoted pair in local part</source>
        <translation>pasangan berkutip yang salah di bagian lokal</translation>
    </message>
    <message>
        <source>control character in local part</source>
        <translation>karakter kontrol di bagian lokal</translation>
    </message>
    <message>
        <source>unterminated quoted local part</source>
        <translation>bagian lokal berkutip tidak ditutup</translation>
    </message>
    <message>
        <source>text after quoted local part</source>
        <translation>ada teks setelah bagian lokal berkutip</translation>
    </message>
    <message>
        <source>empty local part</source>
        <translation>bagian lokal kosong</translation>
    </message>
    <message>
        <source>missing @</source>
        <translation>tanpa @</translation>
    </message>
    <message>
        <source>more than one @</source>
        <translation>lebih dari satu @</translation>
    </message>
    <message>
        <source>space in address</source>
        <translation>ada spasi di alamat</translation>
    </message>
    <message>
        <source>local part starts or ends with a dot</source>
        <translation>bagian lokal diawali atau diakhiri titik</translation>
    </message>
    <message>
        <source>consecutive dots in local part</source>
        <translation>titik berturut-turut di bagian lokal</translation>
    </message>
    <message>
        <source>invalid character in local part</source>
        <translation>karakter tidak sah di bagian lokal</translation>
    </message>
    <message>
        <source>local part longer than 64 characters</source>
        <translation>bagian lokal lebih dari 64 karakter</translation>
    </message>
    <message>
        <source>empty domain</source>
        <translation>domain kosong</translation>
    </message>
    <message>
        <source>IP-address literal domains are not accepted</source>
        <translation>domain berupa alamat IP tidak diterima</translation>
    </message>
    <message>
        <source>domain longer than 253 characters</source>
        <translation>domain lebih dari 253 karakter</translation>
    </message>
    <message>
        <source>domain ends with a dot</source>
        <translation>domain diakhiri titik</translation>
    </message>
    <message>
        <source>empty label in domain</source>
        <translation>label kosong di domain</translation>
    </message>
    <message>
        <source>domain label longer than 63 characters</source>
        <translation>label domain lebih dari 63 karakter</translation>
    </message>
    <message>
        <source>invalid character in domain</source>
        <translation>karakter tidak sah di domain</translation>
    </message>
    <message>
        <source>domain label starts or ends with a hyphen</source>
        <translation>label domain diawali atau diakhiri tanda hubung</translation>
    </message>
    <message>
        <source>domain has no dot</source>
        <translation>domain tanpa titik</translation>
    </message>
    <message>
        <source>top-level domain is numeric</source>
        <translation>domain tingkat atas berupa angka</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>tidak valid</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>duplikat</translation>
    </message>
    <message>
        <source>role</source>
        <translation>peran</translation>
    </message>
    <message>
        <source>disposable</source>
        <translation>sekali pakai</translation>
    </message>
    <message>
        <source>typo</source>
        <translation>salah ketik</translation>
    </message>
    <message>
        <source>not a valid address</source>
        <translation>bukan alamat yang valid</translation>
    </message>
    <message>
        <source>not a valid address: %1</source>
        <translation>bukan alamat yang valid: %1</translation>
    </message>
    <message>
        <source>repeats an earlier row (%1)</source>
        <translation>mengulang baris sebelumnya (%1)</translation>
    </message>
    <message>
        <source>role address (%1@), not a person</source>
        <translation>alamat peran (%1@), bukan orang</translation>
    </message>
    <message>
        <source>disposable-mail domain %1</source>
        <translation>domain surel sekali pakai %1</translation>
    </message>
    <message>
        <source>%1 looks like a misspelled mailbox domain</source>
        <translation>%1 tampak seperti domain kotak surat yang salah ketik</translation>
    </message>
    <message>
        <source>%1 looks like a misspelling of %2</source>
        <translation>%1 tampak seperti salah ketik dari %2</translation>
    </message>
    <message>
        <source>Line %1 of the file</source>
        <translation>Baris %1 dari berkas</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Address as uploaded</source>
        <translation>Alamat seperti diunggah</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Other columns</source>
        <translation>Kolom lain</translation>
    </message>
</context>
<context>
    <name>ad::ui::ListsTab</name>
    <message>
        <source>Imported lists</source>
        <translation>Daftar yang diimpor</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Daftar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Diperoleh</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Diimpor</translation>
    </message>
    <message>
        <source>Rows in file</source>
        <translation>Baris dalam berkas</translation>
    </message>
    <message>
        <source>List decision</source>
        <translation>Keputusan daftar</translation>
    </message>
    <message>
        <source>Screening summary</source>
        <translation>Ringkasan penyaringan</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Porsi</translation>
    </message>
    <message>
        <source>Policy limit</source>
        <translation>Batas kebijakan</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Tidak valid</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Domain breakdown chart</source>
        <translation>Grafik rincian domain</translation>
    </message>
    <message>
        <source>&amp;Approve list…</source>
        <translation>&amp;Setujui daftar…</translation>
    </message>
    <message>
        <source>Approve list</source>
        <translation>Setujui daftar</translation>
    </message>
    <message>
        <source>Record that this list may be used (approve_list), with a rationale.</source>
        <translation>Catat bahwa daftar ini boleh digunakan (approve_list), dengan alasan.</translation>
    </message>
    <message>
        <source>Re&amp;ject list…</source>
        <translation>&amp;Tolak daftar…</translation>
    </message>
    <message>
        <source>Reject list</source>
        <translation>Tolak daftar</translation>
    </message>
    <message>
        <source>Record that this list must not be used (reject_list), with a rationale.</source>
        <translation>Catat bahwa daftar ini tidak boleh digunakan (reject_list), dengan alasan.</translation>
    </message>
    <message>
        <source>Show rows that are:</source>
        <translation>Tampilkan baris yang:</translation>
    </message>
    <message>
        <source>&amp;invalid</source>
        <translation>tidak &amp;valid</translation>
    </message>
    <message>
        <source>d&amp;uplicate</source>
        <translation>d&amp;uplikat</translation>
    </message>
    <message>
        <source>&amp;role</source>
        <translation>p&amp;eran</translation>
    </message>
    <message>
        <source>di&amp;sposable</source>
        <translation>sekali &amp;pakai</translation>
    </message>
    <message>
        <source>&amp;typo</source>
        <translation>salah &amp;ketik</translation>
    </message>
    <message>
        <source>Show %1 rows</source>
        <translation>Tampilkan baris %1</translation>
    </message>
    <message>
        <source>Offending rows of the list</source>
        <translation>Baris bermasalah dari daftar</translation>
    </message>
    <message>
        <source>Imported lists of this account:</source>
        <translation>Daftar yang diimpor akun ini:</translation>
    </message>
    <message>
        <source>not screened</source>
        <translation>belum disaring</translation>
    </message>
    <message>
        <source>no file in the bundle</source>
        <translation>tidak ada berkas di bundel</translation>
    </message>
    <message>
        <source>%1 by %2, %3</source>
        <translation>%1 oleh %2, %3</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <source>This account has no imported lists.</source>
        <translation>Akun ini tidak memiliki daftar yang diimpor.</translation>
    </message>
    <message>
        <source>List %1 — %2 (source: %3)</source>
        <translation>Daftar %1 — %2 (sumber: %3)</translation>
    </message>
    <message>
        <source>The uploaded file of this list has not been screened.</source>
        <translation>Berkas yang diunggah untuk daftar ini belum disaring.</translation>
    </message>
    <message>
        <source>The bundle holds no uploaded file for this list (lists/%1/%2.csv), so there is nothing to screen.</source>
        <translation>Bundel tidak memuat berkas yang diunggah untuk daftar ini (lists/%1/%2.csv), jadi tidak ada yang disaring.</translation>
    </message>
    <message>
        <source>no policy rule</source>
        <translation>tidak ada aturan kebijakan</translation>
    </message>
    <message>
        <source>for information</source>
        <translation>sebagai informasi</translation>
    </message>
    <message>
        <source>rule off in this policy</source>
        <translation>aturan nonaktif dalam kebijakan ini</translation>
    </message>
    <message>
        <source>none allowed</source>
        <translation>tidak boleh ada</translation>
    </message>
    <message>
        <source>%1: any such row fires the rule</source>
        <translation>%1: satu baris seperti ini saja memicu aturan</translation>
    </message>
    <message>
        <source>below %1</source>
        <translation>di bawah %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>paling banyak %1</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>lolos</translation>
    </message>
    <message>
        <source>%1 does not fire</source>
        <translation>%1 tidak terpicu</translation>
    </message>
    <message>
        <source>No list rule of policy %1 fires on this file.</source>
        <translation>Tidak ada aturan daftar dari kebijakan %1 yang terpicu pada berkas ini.</translation>
    </message>
    <message>
        <source>Shares are of all %1 rows; a row can have several problems.</source>
        <translation>Porsi dihitung dari seluruh %1 baris; satu baris bisa memiliki beberapa masalah.</translation>
    </message>
    <message>
        <source>No screened file: no domain breakdown</source>
        <translation>Tidak ada berkas yang disaring: tidak ada rincian domain</translation>
    </message>
    <message>
        <source>No valid address: no domain breakdown</source>
        <translation>Tidak ada alamat yang valid: tidak ada rincian domain</translation>
    </message>
    <message>
        <source>%1 (disposable)</source>
        <translation>%1 (sekali pakai)</translation>
    </message>
    <message>
        <source>%1 (typo of %2)</source>
        <translation>%1 (salah ketik dari %2)</translation>
    </message>
    <message>
        <source>Share of valid addresses</source>
        <translation>Porsi alamat yang valid</translation>
    </message>
    <message>
        <source>Domains by share of the %1 valid addresses (top %2 of %3)</source>
        <translation>Domain menurut porsi dari %1 alamat yang valid (%2 teratas dari %3)</translation>
    </message>
    <message>
        <source>No decision on this list yet.</source>
        <translation>Belum ada keputusan atas daftar ini.</translation>
    </message>
    <message>
        <source>Rejected by %1 on %2.</source>
        <translation>Ditolak oleh %1 pada %2.</translation>
    </message>
    <message>
        <source>Approved by %1 on %2.</source>
        <translation>Disetujui oleh %1 pada %2.</translation>
    </message>
    <message>
        <source>Rationale: %1</source>
        <translation>Alasan: %1</translation>
    </message>
    <message>
        <source>All %1 rows of the file</source>
        <translation>Semua %1 baris berkas</translation>
    </message>
    <message>
        <source>%1 matching rows</source>
        <translation>%1 baris yang cocok</translation>
    </message>
    <message>
        <source>over (%1)</source>
        <translation>melampaui (%1)</translation>
    </message>
    <message>
        <source>%1 fires: %2</source>
        <translation>%1 terpicu: %2</translation>
    </message>
    <message>
        <source>others (%1)</source>
        <translation>lainnya (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n list rule(s) of policy %1 fire on this file: %2.</source>
        <translation>
            <numerusform>%n aturan daftar dari kebijakan %1 terpicu pada berkas ini: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Disposable</source>
        <translation>Sekali pakai</translation>
    </message>
    <message>
        <source>Typo</source>
        <translation>Salah ketik</translation>
    </message>
    <message>
        <source>Declared size</source>
        <translation>Ukuran tercatat</translation>
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
        <translation>Kebijakan</translation>
    </message>
    <message>
        <source>The configured policy cannot be loaded (%1); using the built-in optimais policy.</source>
        <translation>Kebijakan yang dikonfigurasi tidak dapat dimuat (%1); memakai kebijakan bawaan optimais.</translation>
    </message>
    <message>
        <source>&amp;Import bundle folder…</source>
        <translation>&amp;Impor folder bundel…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import a case bundle folder (the folder holding manifest.json); you can also drop it on the window</source>
        <translation>Impor folder bundel kasus (folder yang berisi manifest.json); Anda juga dapat menjatuhkannya ke jendela</translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation>&amp;Buka penyimpanan…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Find in queue</source>
        <translation>&amp;Cari di antrean</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>Re-&amp;evaluate all</source>
        <translation>&amp;Evaluasi ulang semua</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Next account</source>
        <translation>Akun &amp;berikutnya</translation>
    </message>
    <message>
        <source>&amp;Previous account</source>
        <translation>Akun &amp;sebelumnya</translation>
    </message>
    <message>
        <source>Back to the &amp;queue</source>
        <translation>Kembali ke &amp;antrean</translation>
    </message>
    <message>
        <source>&amp;Decide…</source>
        <translation>&amp;Putuskan…</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Record a decision with the recommended action preselected</source>
        <translation>Catat keputusan dengan tindakan yang direkomendasikan terpilih</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>&amp;Approve pending termination…</source>
        <translation>&amp;Setujui pengakhiran tertunda…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferensi…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;About AbuseDesk</source>
        <translation>&amp;Tentang AbuseDesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Tentang &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Kasus</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Pengaturan</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Utama</translation>
    </message>
    <message>
        <source>Open store</source>
        <translation>Buka penyimpanan</translation>
    </message>
    <message>
        <source>The case store %1 cannot be opened: %2</source>
        <translation>Penyimpanan kasus %1 tidak dapat dibuka: %2</translation>
    </message>
    <message>
        <source>No case store open</source>
        <translation>Tidak ada penyimpanan kasus yang terbuka</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Penyimpanan: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n akun</numerusform>
        </translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Per %1</translation>
    </message>
    <message>
        <source>As of: no import yet</source>
        <translation>Per: belum ada impor</translation>
    </message>
    <message>
        <source>Policy: %1 %2</source>
        <translation>Kebijakan: %1 %2</translation>
    </message>
    <message>
        <source>Reviewer: %1</source>
        <translation>Peninjau: %1</translation>
    </message>
    <message>
        <source>Import case bundle folder</source>
        <translation>Impor folder bundel kasus</translation>
    </message>
    <message>
        <source>Case bundles (*.zip);;All files (*)</source>
        <translation>Bundel kasus (*.zip);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Open case store</source>
        <translation>Buka penyimpanan kasus</translation>
    </message>
    <message>
        <source>Case stores (*.sqlite *.db);;All files (*)</source>
        <translation>Penyimpanan kasus (*.sqlite *.db);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>%1: terminate recorded by %2, waiting for a second reviewer&apos;s approval.</source>
        <translation>%1: pengakhiran dicatat oleh %2, menunggu persetujuan peninjau kedua.</translation>
    </message>
    <message>
        <source>%1: %2 recorded by %3; status now %4.</source>
        <translation>%1: %2 dicatat oleh %3; status sekarang %4.</translation>
    </message>
    <message>
        <source>%1: termination approved by %2; status now %3.</source>
        <translation>%1: pengakhiran disetujui oleh %2; status sekarang %3.</translation>
    </message>
    <message>
        <source>The new language applies the next time AbuseDesk starts.</source>
        <translation>Bahasa baru berlaku saat AbuseDesk dijalankan berikutnya.</translation>
    </message>
    <message>
        <source>About AbuseDesk</source>
        <translation>Tentang AbuseDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;AbuseDesk %1&lt;/h3&gt;&lt;p&gt;Compliance review desk for e-mail marketing abuse.&lt;/p&gt;&lt;p&gt;Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). This program comes with ABSOLUTELY NO WARRANTY.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;AbuseDesk %1&lt;/h3&gt;&lt;p&gt;Meja peninjauan kepatuhan untuk penyalahgunaan pemasaran surel.&lt;/p&gt;&lt;p&gt;Lisensi: GNU General Public License, versi 3 atau yang lebih baru (GPL-3.0-or-later). Program ini datang TANPA JAMINAN APA PUN.&lt;/p&gt;&lt;p&gt;Dibangun dengan Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import bundle .&amp;zip…</source>
        <translation>Impor bundel .&amp;zip…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Import a case bundle packed as a .zip file; you can also drop it on the window</source>
        <translation>Impor bundel kasus yang dikemas sebagai berkas .zip; Anda juga dapat menjatuhkannya ke jendela</translation>
    </message>
    <message>
        <source>Import case bundle .zip</source>
        <translation>Impor bundel kasus .zip</translation>
    </message>
    <message>
        <source>%1: list %2: %3 recorded by %4.</source>
        <translation>%1: daftar %2: %3 dicatat oleh %4.</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Ekspor laporan…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Write the current account&apos;s case report (PDF, HTML or JSON)</source>
        <translation>Tulis laporan kasus akun saat ini (PDF, HTML, atau JSON)</translation>
    </message>
    <message>
        <source>Export &amp;redacted report…</source>
        <translation>Ekspor laporan yang &amp;disamarkan…</translation>
    </message>
    <message>
        <source>The case report with subscriber addresses and personal data masked</source>
        <translation>Laporan kasus dengan alamat pelanggan dan data pribadi disamarkan</translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation>Laporan PDF (*.pdf)</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>Laporan HTML (*.html)</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>Laporan JSON (*.json)</translation>
    </message>
    <message>
        <source>Export report — %1</source>
        <translation>Ekspor laporan — %1</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Laporan ditulis ke %1</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Ekspor laporan</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>Laporan tidak ditulis: %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::MessageViewer</name>
    <message>
        <source>Message preview</source>
        <translation>Pratinjau pesan</translation>
    </message>
    <message>
        <source>This message cannot be shown: %1</source>
        <translation>Pesan ini tidak dapat ditampilkan: %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::MessagesTab</name>
    <message>
        <source>Sample messages</source>
        <translation>Pesan sampel</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjek</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampanye</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Links in the message</source>
        <translation>Tautan dalam pesan</translation>
    </message>
    <message>
        <source>Visible text</source>
        <translation>Teks terlihat</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <source>Target domain</source>
        <translation>Domain tujuan</translation>
    </message>
    <message>
        <source>The bundle holds no sample message for this account.</source>
        <translation>Bundel tidak memuat pesan sampel untuk akun ini.</translation>
    </message>
    <message>
        <source>Authentication: SPF %1, DKIM %2, DMARC %3</source>
        <translation>Autentikasi: SPF %1, DKIM %2, DMARC %3</translation>
    </message>
    <message>
        <source>No List-Unsubscribe header</source>
        <translation>Tidak ada header List-Unsubscribe</translation>
    </message>
    <message>
        <source>List-Unsubscribe: %1</source>
        <translation>List-Unsubscribe: %1</translation>
    </message>
    <message>
        <source>one-click unsubscribe (RFC 8058): yes</source>
        <translation>berhenti langganan satu klik (RFC 8058): ya</translation>
    </message>
    <message>
        <source>one-click unsubscribe (RFC 8058): no</source>
        <translation>berhenti langganan satu klik (RFC 8058): tidak</translation>
    </message>
    <message>
        <source>Repaired while reading: %1</source>
        <translation>Diperbaiki saat dibaca: %1</translation>
    </message>
    <message>
        <source>The visible text names a different domain than the link goes to.</source>
        <translation>Teks yang terlihat menyebut domain yang berbeda dari tujuan tautan.</translation>
    </message>
    <message>
        <source>%1 (differs from the text)</source>
        <translation>%1 (berbeda dari teks)</translation>
    </message>
</context>
<context>
    <name>ad::ui::MetricsTab</name>
    <message>
        <source>Complaint rate</source>
        <translation>Tingkat keluhan</translation>
    </message>
    <message>
        <source>Bounce rate</source>
        <translation>Tingkat pentalan</translation>
    </message>
    <message>
        <source>Unsubscribe rate</source>
        <translation>Tingkat berhenti langganan</translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation>Tingkat pembukaan</translation>
    </message>
    <message>
        <source>This account has no campaigns.</source>
        <translation>Akun ini tidak memiliki kampanye.</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s). Dashed lines are the policy thresholds; the rules only count campaigns with at least %1 messages.</source>
        <translation>
            <numerusform>%n kampanye. Garis putus-putus adalah ambang kebijakan; aturan hanya menghitung kampanye dengan minimal %1 pesan.</numerusform>
        </translation>
    </message>
    <message>
        <source>per campaign (%)</source>
        <translation>per kampanye (%)</translation>
    </message>
    <message>
        <source>campaign</source>
        <translation>kampanye</translation>
    </message>
    <message>
        <source>policy minimum %1</source>
        <translation>minimum kebijakan %1</translation>
    </message>
    <message>
        <source>policy maximum %1</source>
        <translation>maksimum kebijakan %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::OverviewTab</name>
    <message>
        <source>Findings</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Aturan</translation>
    </message>
    <message>
        <source>Policy clause</source>
        <translation>Klausul kebijakan</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <source>Value / threshold</source>
        <translation>Nilai / ambang</translation>
    </message>
    <message>
        <source>What would clear it</source>
        <translation>Yang akan menyelesaikannya</translation>
    </message>
    <message>
        <source>Linked accounts (shared senders, link domains or content) — activate to open:</source>
        <translation>Akun terkait (pengirim, domain tautan, atau isi yang sama) — aktifkan untuk membuka:</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Akun terkait</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>Nama usaha</translation>
    </message>
    <message>
        <source>Owner e-mail</source>
        <translation>Surel pemilik</translation>
    </message>
    <message>
        <source>Sender addresses</source>
        <translation>Alamat pengirim</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Alamat pos</translation>
    </message>
    <message>
        <source>Web site</source>
        <translation>Situs web</translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation>Mendaftar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 (terminate awaiting second approval)</source>
        <translation>%1 (pengakhiran menunggu persetujuan kedua)</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Ditandai</translation>
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
            <numerusform>%n kampanye</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n list(s)</source>
        <translation>
            <numerusform>%n daftar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n evidence row(s)</source>
        <translation>
            <numerusform>%n baris bukti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n keluhan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n pesan</numerusform>
        </translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation>Dievaluasi</translation>
    </message>
    <message>
        <source>as of %1 with policy %2 %3</source>
        <translation>per %1 dengan kebijakan %2 %3</translation>
    </message>
    <message>
        <source>Not evaluated yet: use View ▸ Re-evaluate all.</source>
        <translation>Belum dievaluasi: gunakan Tampilan ▸ Evaluasi ulang semua.</translation>
    </message>
    <message>
        <source>Recommended action: none — no finding above info.</source>
        <translation>Tindakan yang direkomendasikan: tidak ada — tidak ada temuan di atas info.</translation>
    </message>
    <message numerus="yes">
        <source>Recommended action: %1 (%n finding(s))</source>
        <translation>
            <numerusform>Tindakan yang direkomendasikan: %1 (%n temuan)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (limit %2)</source>
        <translation>%1 (batas %2)</translation>
    </message>
    <message>
        <source>No rule fired for this account.</source>
        <translation>Tidak ada aturan yang terpicu untuk akun ini.</translation>
    </message>
    <message>
        <source>Open account %1</source>
        <translation>Buka akun %1</translation>
    </message>
</context>
<context>
    <name>ad::ui::QueueModel</name>
    <message>
        <source>%1 · terminate pending</source>
        <translation>%1 · pengakhiran tertunda</translation>
    </message>
    <message>
        <source>not evaluated</source>
        <translation>belum dievaluasi</translation>
    </message>
    <message>
        <source>A terminate decision is waiting for a second reviewer&apos;s approval.</source>
        <translation>Keputusan pengakhiran menunggu persetujuan peninjau kedua.</translation>
    </message>
    <message>
        <source>Most severe finding (%1)</source>
        <translation>Temuan paling berat (%1)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Rekomendasi</translation>
    </message>
    <message>
        <source>Worst finding</source>
        <translation>Temuan terberat</translation>
    </message>
    <message>
        <source>Spam complaints / delivered, campaigns with enough volume</source>
        <translation>Keluhan spam / terkirim, kampanye dengan volume cukup</translation>
    </message>
    <message>
        <source>Complaint %</source>
        <translation>Keluhan %</translation>
    </message>
    <message>
        <source>Bounces / sent, campaigns with enough volume</source>
        <translation>Pentalan / dikirim, kampanye dengan volume cukup</translation>
    </message>
    <message>
        <source>Bounce %</source>
        <translation>Pentalan %</translation>
    </message>
    <message>
        <source>Unsubscribes / delivered, campaigns with enough volume</source>
        <translation>Berhenti langganan / terkirim, kampanye dengan volume cukup</translation>
    </message>
    <message>
        <source>Unsubscribe %</source>
        <translation>Berhenti langganan %</translation>
    </message>
    <message>
        <source>Unique opens / delivered, campaigns with enough volume</source>
        <translation>Pembukaan unik / terkirim, kampanye dengan volume cukup</translation>
    </message>
    <message>
        <source>Open %</source>
        <translation>Dibuka %</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Keluhan</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Ditandai</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Penanggung jawab</translation>
    </message>
</context>
<context>
    <name>ad::ui::QueueView</name>
    <message>
        <source>Search accounts, e-mails, messages…</source>
        <translation>Cari akun, surel, pesan…</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Cari di antrean</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filter status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Recommended action filter</source>
        <translation>Filter tindakan yang direkomendasikan</translation>
    </message>
    <message>
        <source>Any recommendation</source>
        <translation>Semua rekomendasi</translation>
    </message>
    <message>
        <source>Rule filter</source>
        <translation>Filter aturan</translation>
    </message>
    <message>
        <source>Any rule</source>
        <translation>Semua aturan</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Menunggu persetujuan</translation>
    </message>
    <message>
        <source>Only accounts with a terminate decision waiting for a second reviewer</source>
        <translation>Hanya akun dengan keputusan pengakhiran yang menunggu peninjau kedua</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Antrean peninjauan</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n akun</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ad::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>Nama peninjau</translation>
    </message>
    <message>
        <source>Recorded with every decision and approval you make.</source>
        <translation>Dicatat pada setiap keputusan dan persetujuan yang Anda buat.</translation>
    </message>
    <message>
        <source>&amp;Reviewer:</source>
        <translation>&amp;Peninjau:</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Bahasa antarmuka</translation>
    </message>
    <message>
        <source>A new language applies the next time AbuseDesk starts.</source>
        <translation>Bahasa baru berlaku saat AbuseDesk dijalankan berikutnya.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Bahasa:</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Kebijakan</translation>
    </message>
    <message>
        <source>Built-in: %1</source>
        <translation>Bawaan: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Berkas: %1</translation>
    </message>
    <message>
        <source>From file…</source>
        <translation>Dari berkas…</translation>
    </message>
    <message>
        <source>&amp;Policy:</source>
        <translation>&amp;Kebijakan:</translation>
    </message>
    <message>
        <source>Case store file</source>
        <translation>Berkas penyimpanan kasus</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <source>Case store</source>
        <translation>Penyimpanan kasus</translation>
    </message>
    <message>
        <source>Case stores (*.sqlite *.db);;All files (*)</source>
        <translation>Penyimpanan kasus (*.sqlite *.db);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Case &amp;store:</source>
        <translation>Penyimpanan &amp;kasus:</translation>
    </message>
    <message>
        <source>Policy file</source>
        <translation>Berkas kebijakan</translation>
    </message>
    <message>
        <source>Policies (*.json);;All files (*)</source>
        <translation>Kebijakan (*.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>The reviewer name cannot be empty: it is recorded with every decision.</source>
        <translation>Nama peninjau tidak boleh kosong: nama ini dicatat pada setiap keputusan.</translation>
    </message>
    <message>
        <source>This policy file cannot be used: %1</source>
        <translation>Berkas kebijakan ini tidak dapat dipakai: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>AbuseDesk: review flagged e-mail marketing accounts and record decisions.</source>
        <translation>AbuseDesk: tinjau akun pemasaran surel yang ditandai dan catat keputusan.</translation>
    </message>
    <message>
        <source>Case store to open (default: the user&apos;s store).</source>
        <translation>Penyimpanan kasus yang dibuka (bawaan: penyimpanan pengguna).</translation>
    </message>
    <message>
        <source>Import this case bundle (folder or .zip) on start.</source>
        <translation>Impor bundel kasus ini (folder atau .zip) saat mulai.</translation>
    </message>
    <message>
        <source>Case view tab to show: overview, metrics, messages, evidence, lists, complaints or history.</source>
        <translation>Tab tampilan kasus yang ditampilkan: overview, metrics, messages, evidence, lists, complaints atau history.</translation>
    </message>
    <message>
        <source>Open this account when the program has started.</source>
        <translation>Buka akun ini setelah program dimulai.</translation>
    </message>
    <message>
        <source>Open the decision dialog for that account.</source>
        <translation>Buka dialog keputusan untuk akun tersebut.</translation>
    </message>
</context>
</TS>
