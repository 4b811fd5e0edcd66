package id.saksi.core.export;

import id.saksi.core.entry.Timestamps;

/**
 * The text of {@code README.txt}: what the bundle is, how a court clerk checks it with the verifier
 * and what the verdict means, in Bahasa Indonesia and in English (docs/export.md, "README.txt").
 * Plain ASCII, CRLF-free, lines under 100 characters, so that it reads the same in any viewer.
 */
final class Readme {
  private Readme() {}

  private static final String TEXT =
      """
      EKSPOR BUKU BESAR SAKSI  /  SAKSI LEDGER EXPORT
      ===============================================

      [BAHASA INDONESIA]  (English below)

      APA BERKAS INI
      Berkas ZIP ini adalah salinan catatan dari buku besar Saksi, buku besar yang dapat
      diperiksa siapa saja untuk penegakan netralitas Aparatur Sipil Negara (ASN) dalam
      pemilihan. Setiap catatan ditandatangani secara elektronik oleh instansi yang membuatnya
      (misalnya Bawaslu, BKN, pemerintah daerah), dirangkai dengan hash, dan dimasukkan ke dalam
      pohon Merkle yang akarnya ditandatangani oleh pengelola buku besar.

        Buku besar (origin) : {origin}
        Cakupan             : {scope-id}
        Jumlah catatan      : {entries}
        Ukuran pohon        : {size} catatan
        Hash akar           : {root}
        Kunci buku besar    : {keyref}
        Dibuat pada         : {created} (UTC)

      ISI BERKAS
        entries.jsonl       catatan, satu per baris, persis seperti yang di-hash
        checkpoint          checkpoint bertanda tangan pengelola; semua catatan dibuktikan terhadapnya
        log.vkey            kunci publik buku besar, HANYA sebagai rujukan (lihat langkah 2)
        manifest.json       daftar isi: cakupan, jumlah, ukuran dan SHA-256 setiap berkas
        range-proof, proofs/  bukti bahwa catatan ada di buku besar (hanya ekspor sebagian)
        disclosures.jsonl   data pribadi yang dibuka (hanya bila diminta pihak berwenang)
        README.txt          berkas ini

      CARA MEMERIKSA
        1. Pasang Java versi 17 atau lebih baru.
        2. Dapatkan verifier.jar dan kunci publik buku besar dari pengelola melalui saluran
           resmi (situs web atau surat resmi), BUKAN dari berkas ini. Kunci itu satu baris
           yang diawali dengan: {keyref}+
        3. Jalankan (ganti EKSPOR.zip dengan nama berkas ini):
             java -jar verifier.jar verify EKSPOR.zip --log-key "KUNCI-PUBLIK-RESMI"
        4. Baca putusan pada baris terakhir keluaran.

      ARTI PUTUSAN
        VALID (kode keluar 0)
          Setiap catatan dalam berkas ini ada di buku besar yang ditandatangani pengelola, pada
          nomor urutnya, tidak diubah, tidak dihapus dan tidak diurutkan ulang; setiap tanda
          tangan instansi sah menurut daftar kunci pada posisi catatan itu; dan setiap catatan
          adalah langkah yang sah dalam perkaranya.
        INVALID (kode keluar 1)
          Setidaknya satu pemeriksaan gagal. Verifier menyebut nomor catatan pertama yang gagal,
          pemeriksaan yang gagal, nilai yang diharapkan dan nilai yang ditemukan. Jangan
          mengandalkan berkas ini sebagai salinan yang utuh.
        Kode keluar 2
          Berkas atau kunci tidak dapat digunakan (bukan ekspor Saksi, rusak, atau kunci salah
          ketik). Tidak ada yang diperiksa, jadi tidak ada kesimpulan tentang isinya.

      PERHATIAN
        - Jangan membuka lalu menyimpan ulang entries.jsonl dengan penyunting teks: satu bait
          yang berubah membuat pemeriksaan gagal.
        - Ekspor sebagian (satu perkara atau satu rentang) membuktikan bahwa setiap catatan di
          dalamnya ada di buku besar, tetapi tidak dapat membuktikan bahwa tidak ada catatan
          lain yang ditinggalkan. Untuk itu periksa ekspor seluruh buku besar.
        - Berkas ini dapat memuat data pribadi: tangani sesuai UU 27/2022 tentang Pelindungan
          Data Pribadi.


      [ENGLISH]

      WHAT THIS FILE IS
      This ZIP file is a copy of records from the Saksi ledger, a ledger that anyone can check,
      kept for the enforcement of civil-servant (ASN) neutrality in elections. Every record is
      signed electronically by the agency that made it (for example Bawaslu, BKN, a regional
      government), chained to the one before by its hash, and committed to a Merkle tree whose
      root the ledger's operator signs.

        Ledger (origin)     : {origin}
        Scope               : {scope-en}
        Records             : {entries}
        Tree size           : {size} records
        Root hash           : {root}
        Ledger key          : {keyref}
        Created             : {created} (UTC)

      WHAT IS INSIDE
        entries.jsonl       the records, one per line, exactly as they are hashed
        checkpoint          the operator's signed checkpoint every record is proved against
        log.vkey            the ledger's public key, for REFERENCE ONLY (see step 2)
        manifest.json       contents: scope, counts, size and SHA-256 of every file
        range-proof, proofs/  proofs that the records are in the ledger (partial exports only)
        disclosures.jsonl   disclosed personal data (only when an authority asked for it)
        README.txt          this file

      HOW TO CHECK IT
        1. Install Java 17 or newer.
        2. Obtain verifier.jar and the ledger's public key from the operator through an
           official channel (its web site or an official letter), NOT from this file. The key
           is one line that starts with: {keyref}+
        3. Run (replace EXPORT.zip with this file's name):
             java -jar verifier.jar verify EXPORT.zip --log-key "OFFICIAL-PUBLIC-KEY"
        4. Read the verdict on the last line of the output.

      WHAT THE VERDICT MEANS
        VALID (exit code 0)
          Every record in this file is in the ledger the operator signed, at its position,
          unaltered, nothing dropped or reordered; every agency signature is valid under the key
          registry as it stood at that record's position; and every record is a legal step of
          its case.
        INVALID (exit code 1)
          At least one check failed. The verifier names the first failing record, the check
          that failed, what was expected and what was found. Do not rely on this file as a
          complete and faithful copy.
        Exit code 2
          The file or the key could not be used (not a Saksi export, damaged, or a mistyped
          key). Nothing was checked, so nothing can be concluded about the contents.

      PLEASE NOTE
        - Do not open and re-save entries.jsonl in a text editor: one changed byte makes the
          check fail.
        - A partial export (one case or one range) proves that every record in it is in the
          ledger, but cannot prove that no other record was left out. Check an export of the
          whole ledger for that.
        - This file may contain personal data: handle it as UU 27/2022 (personal data
          protection) requires.
      """;

  /** The README of a bundle with these facts. */
  static String render(Manifest m, String keyRef) {
    return TEXT.replace("{origin}", m.origin())
        .replace("{scope-id}", scopeId(m.scope()))
        .replace("{scope-en}", m.scope().describe())
        .replace("{entries}", Long.toString(m.entries()))
        .replace("{size}", Long.toString(m.treeSize()))
        .replace("{root}", m.rootHash().base64())
        .replace("{keyref}", keyRef)
        .replace("{created}", Timestamps.millis(m.createdAt()));
  }

  private static String scopeId(ExportScope s) {
    switch (s.kind()) {
      case LEDGER:
        return "seluruh buku besar";
      case RANGE:
        return "catatan nomor " + s.start() + " sampai " + (s.end() - 1);
      default:
        return "semua catatan " + s.subject();
    }
  }
}
