// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Word lists for believable generated data (Indonesian and international businesses, people, places).
// All invented; any resemblance to a real business is accidental.

#include <array>
#include <string_view>

namespace ad::gen::text {

using sv = std::string_view;

inline constexpr std::array kIdPrefixes{sv("Toko"),   sv("CV"),    sv("PT"),     sv("Warung"),  sv("Butik"),
                                        sv("Kedai"),  sv("Rumah"), sv("Griya"),  sv("Studio"),  sv("Dapur"),
                                        sv("Galeri"), sv("Pusat"), sv("Klinik"), sv("Bengkel"), sv("Kopi")};
inline constexpr std::array kIdWords{
    sv("Maju Jaya"), sv("Sinar Abadi"), sv("Berkah"),   sv("Sejahtera"),  sv("Makmur"),
    sv("Nusantara"), sv("Bintang"),     sv("Mentari"),  sv("Cahaya"),     sv("Harapan"),
    sv("Sentosa"),   sv("Lestari"),     sv("Mandiri"),  sv("Santika"),    sv("Anugerah"),
    sv("Kencana"),   sv("Permata"),     sv("Pelangi"),  sv("Merapi"),     sv("Rinjani"),
    sv("Kenanga"),   sv("Melati"),      sv("Cendana"),  sv("Samudra"),    sv("Nirwana"),
    sv("Bahari"),    sv("Garuda"),      sv("Rajawali"), sv("Tunas Muda"), sv("Sumber Rejeki")};
inline constexpr std::array kIdTrades{
    sv("Elektronik"), sv("Fashion"),   sv("Batik"),    sv("Kosmetik"), sv("Herbal"),        sv("Furnitur"),
    sv("Kuliner"),    sv("Travel"),    sv("Otomotif"), sv("Bangunan"), sv("Busana Muslim"), sv("Kue"),
    sv("Gadget"),     sv("Pertanian"), sv("Properti"), sv("Edukasi"),  sv("Kopi"),          sv("Skincare")};
inline constexpr std::array kIntlWords{
    sv("Blue Harbor"), sv("Northwind"),   sv("Green Leaf"),  sv("Urban Nest"), sv("Bright Path"),
    sv("Silver Oak"),  sv("Red Lantern"), sv("Coral Bay"),   sv("Summit"),     sv("Lotus"),
    sv("Evergreen"),   sv("Pacific Rim"), sv("Golden Gate"), sv("Maple & Co"), sv("Atlas"),
    sv("Nova"),        sv("Harbourside"), sv("Tidewater")};
inline constexpr std::array kIntlTrades{
    sv("Trading"), sv("Coffee Roasters"), sv("Outdoor"),   sv("Skincare"),   sv("Books"),      sv("Tours"),
    sv("Academy"), sv("Digital"),         sv("Logistics"), sv("Home Goods"), sv("Pet Supply"), sv("Fitness")};
inline constexpr std::array kIntlSuffixes{sv("Ltd"),  sv("LLC"),     sv("Pte Ltd"),
                                          sv("GmbH"), sv("Pty Ltd"), sv("Inc.")};

inline constexpr std::array kFirstNames{
    sv("Budi"),  sv("Siti"),    sv("Agus"),    sv("Dewi"),   sv("Rina"),   sv("Andi"),   sv("Putri"),
    sv("Eko"),   sv("Wahyu"),   sv("Sri"),     sv("Ayu"),    sv("Fajar"),  sv("Hendra"), sv("Indah"),
    sv("Joko"),  sv("Kartika"), sv("Lestari"), sv("Made"),   sv("Nyoman"), sv("Putu"),   sv("Rizky"),
    sv("Sari"),  sv("Taufik"),  sv("Yusuf"),   sv("Zainal"), sv("Nur"),    sv("Bayu"),   sv("Citra"),
    sv("Dimas"), sv("Fitri"),   sv("Gilang"),  sv("Hana"),   sv("John"),   sv("Maria"),  sv("Chen"),
    sv("Wei"),   sv("Aisha"),   sv("Raj"),     sv("Emma"),   sv("Lucas"),  sv("Sofia"),  sv("Noah"),
    sv("Mei"),   sv("Kenji"),   sv("Olga"),    sv("Pierre"), sv("Anna"),   sv("David")};
inline constexpr std::array kLastNames{
    sv("Santoso"), sv("Wijaya"),  sv("Pratama"),     sv("Saputra"), sv("Hidayat"), sv("Kusuma"),
    sv("Nugroho"), sv("Siregar"), sv("Simanjuntak"), sv("Lubis"),   sv("Harahap"), sv("Tan"),
    sv("Lim"),     sv("Wong"),    sv("Setiawan"),    sv("Gunawan"), sv("Purnomo"), sv("Rahman"),
    sv("Halim"),   sv("Sutanto"), sv("Smith"),       sv("Garcia"),  sv("Nguyen"),  sv("Kumar"),
    sv("Tanaka"),  sv("Ivanova"), sv("Martin"),      sv("Schmidt")};

struct Street
{
    sv street;
    sv district;
    sv city;
    sv postcode;
};
inline constexpr std::array kIdStreets{
    Street{"Jl. Jend. Sudirman", "Kebayoran Baru", "Jakarta Selatan", "12190"},
    Street{"Jl. M.H. Thamrin", "Menteng", "Jakarta Pusat", "10350"},
    Street{"Jl. Gatot Subroto", "Setiabudi", "Jakarta Selatan", "12930"},
    Street{"Jl. Asia Afrika", "Sumur Bandung", "Bandung", "40111"},
    Street{"Jl. Dago", "Coblong", "Bandung", "40135"},
    Street{"Jl. Pemuda", "Semarang Tengah", "Semarang", "50132"},
    Street{"Jl. Malioboro", "Gedongtengen", "Yogyakarta", "55271"},
    Street{"Jl. Tunjungan", "Genteng", "Surabaya", "60275"},
    Street{"Jl. Raya Kuta", "Kuta", "Badung, Bali", "80361"},
    Street{"Jl. Gajah Mada", "Medan Petisah", "Medan", "20112"},
    Street{"Jl. Ahmad Yani", "Panakkukang", "Makassar", "90231"},
    Street{"Jl. Diponegoro", "Denpasar Barat", "Denpasar", "80113"},
    Street{"Jl. Sisingamangaraja", "Medan Kota", "Medan", "20217"},
    Street{"Jl. Veteran", "Klojen", "Malang", "65145"}};
inline constexpr std::array kIntlAddresses{sv("221 King Street, Suite 4, Melbourne VIC 3000, Australia"),
                                           sv("12 Orchard Road #05-01, Singapore 238823"),
                                           sv("Kaiserstraße 12, 60311 Frankfurt am Main, Germany"),
                                           sv("48 Rue de Rivoli, 75004 Paris, France"),
                                           sv("1600 Pike Place, Seattle, WA 98101, USA"),
                                           sv("3-7-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 163-1030, Japan"),
                                           sv("Unit 5, 19 Jalan Ampang, 50450 Kuala Lumpur, Malaysia"),
                                           sv("9 Queen's Road Central, Central, Hong Kong"),
                                           sv("77 Oxford Street, London W1D 2ES, United Kingdom"),
                                           sv("Ul. Tverskaya 15, Moscow 125009, Russia")};

inline constexpr std::array kTlds{sv("co.id"),  sv("com"),   sv("id"), sv("my.id"),
                                  sv("web.id"), sv("co.id"), sv("com")};
inline constexpr std::array kIntlTlds{sv("com"), sv("com.sg"), sv("com.au"),
                                      sv("de"),  sv("co.uk"),  sv("net")};

struct Weighted
{
    sv value;
    int weight;
};
inline constexpr std::array kSubscriberDomains{Weighted{"gmail.com", 45},  Weighted{"yahoo.com", 9},
                                               Weighted{"yahoo.co.id", 9}, Weighted{"hotmail.com", 5},
                                               Weighted{"outlook.com", 5}, Weighted{"icloud.com", 3},
                                               Weighted{"ymail.com", 2},   Weighted{"live.com", 1},
                                               Weighted{"aol.com", 1},     Weighted{"rocketmail.com", 1}};
inline constexpr std::array kCompanyDomains{sv("telkom.co.id"),    sv("ui.ac.id"),    sv("ugm.ac.id"),
                                            sv("itb.ac.id"),       sv("bca.co.id"),   sv("pertamina.com"),
                                            sv("kemdikbud.go.id"), sv("unair.ac.id"), sv("astra.co.id")};
inline constexpr std::array kDisposable{sv("mailinator.com"),   sv("yopmail.com"),    sv("guerrillamail.com"),
                                        sv("10minutemail.com"), sv("trashmail.com"),  sv("sharklasers.com"),
                                        sv("temp-mail.org"),    sv("dispostable.com")};
inline constexpr std::array kTypos{sv("gmial.com"),   sv("gmai.com"),    sv("gmail.con"),  sv("yahooo.com"),
                                   sv("yaho.co.id"),  sv("hotmial.com"), sv("outlok.com"), sv("gamil.com"),
                                   sv("yahoo.co.ld"), sv("iclod.com")};
inline constexpr std::array kRoles{sv("info"),   sv("sales"),  sv("admin"),   sv("marketing"), sv("support"),
                                   sv("bisnis"), sv("office"), sv("contact"), sv("noreply"),   sv("hello")};
inline constexpr std::array kInvalid{sv("budi santoso@gmail.com"),
                                     sv("siti.gmail.com"),
                                     sv("andi@@yahoo.com"),
                                     sv("rina@gmail"),
                                     sv(".dewi@yahoo.co.id"),
                                     sv("joko@hotmail..com"),
                                     sv("ayu@[10.0.0.1]"),
                                     sv("putri@"),
                                     sv("@outlook.com"),
                                     sv("Eko Prasetyo <eko@gmail.com>"),
                                     sv("fajar,hendra@gmail.com"),
                                     sv("wahyu@gmail.com."),
                                     sv("n/a"),
                                     sv("-")};

inline constexpr std::array kSubjectsId{
    sv("Promo Akhir Tahun: Diskon hingga 50%!"),           sv("Koleksi terbaru minggu ini"),
    sv("Undangan Webinar: Digital Marketing untuk UMKM"),  sv("Flash Sale 12.12 dimulai jam 12 siang"),
    sv("Terima kasih sudah berbelanja, ini voucher Anda"), sv("Info jadwal operasional libur Lebaran"),
    sv("Resep spesial akhir pekan dari dapur kami"),       sv("Gratis ongkir se-Indonesia, hari ini saja")};
inline constexpr std::array kSubjectsEn{sv("Your November newsletter"),
                                        sv("New arrivals are here"),
                                        sv("Last chance: 30% off everything"),
                                        sv("Thanks for being a customer"),
                                        sv("Event invitation: autumn tasting evening"),
                                        sv("Our holiday opening hours")};
inline constexpr std::array kFlagReasons{sv("complaint spike"),
                                         sv("bounce rate above platform threshold"),
                                         sv("list import from unknown source"),
                                         sv("low engagement"),
                                         sv("customer report"),
                                         sv("content filter match"),
                                         sv("shared sending infrastructure with another account"),
                                         sv("random compliance sample")};
inline constexpr std::array kConsentTexts{
    sv("Ya, saya ingin menerima newsletter dan promo melalui e-mail."),
    sv("Yes, e-mail me news and offers. I can unsubscribe at any time."),
    sv("Saya setuju menerima informasi produk via e-mail; bisa berhenti kapan saja."),
    sv("Subscribe to our newsletter")};
inline constexpr std::array kEvents{sv("Jakarta Fair 2025, booth B12"), sv("Bazar UMKM Bandung"),
                                    sv("Pameran Pernikahan Surabaya"), sv("in-store sign-up sheet"),
                                    sv("Singapore Food Expo")};

} // namespace ad::gen::text

namespace ad::gen::text {

// Message building blocks: an account keeps its opening, closing and products; offers vary per message.
inline constexpr std::array kOpenId{sv("Kami punya kabar gembira untuk Anda!"),
                                    sv("Terima kasih sudah menjadi pelanggan setia {brand}."),
                                    sv("Minggu ini ada yang spesial di {brand}."),
                                    sv("Akhir bulan tiba, saatnya memanjakan diri."),
                                    sv("Koleksi terbaru kami baru saja tiba di {city}."),
                                    sv("Sudah lama tidak mampir? Kami kangen!"),
                                    sv("Musim hujan datang, kami siapkan yang Anda butuhkan."),
                                    sv("Salam hangat dari tim {brand} di {city}!"),
                                    sv("Ada yang baru dan segar di etalase kami."),
                                    sv("Pesanan terlaris bulan lalu kembali tersedia.")};
inline constexpr std::array kOpenEn{sv("We have good news for you!"),
                                    sv("Thank you for being a loyal {brand} customer."),
                                    sv("Something special is happening at {brand} this week."),
                                    sv("The weekend is here: time for a treat."),
                                    sv("Our newest arrivals just landed in {city}."),
                                    sv("It has been a while, and we miss you!"),
                                    sv("Greetings from the {brand} team in {city}."),
                                    sv("Our best sellers are back in stock.")};
inline constexpr std::array kOfferId{
    sv("Dapatkan potongan {pct}% untuk pembelian minimal Rp {min}.000 sampai {date}."),
    sv("Gratis ongkir ke seluruh Indonesia untuk pesanan di atas Rp {min}.000."),
    sv("Gunakan kode {code} untuk diskon {pct}% di checkout."),
    sv("Beli 2 gratis 1 untuk produk pilihan, berlaku hingga {date}."),
    sv("Cashback {pct}% dengan pembayaran e-wallet sampai {date}."),
    sv("Khusus member: poin ganda untuk setiap belanja Rp {min}.000.")};
inline constexpr std::array kOfferEn{sv("Take {pct}% off orders over ${min} until {date}."),
                                     sv("Free shipping on orders over ${min} this week."),
                                     sv("Use code {code} for {pct}% off at checkout."),
                                     sv("Buy two, get one free on selected items until {date}."),
                                     sv("Members earn double points on every ${min} spent.")};
inline constexpr std::array kCloseId{sv("Sampai jumpa di toko kami!"),
                                     sv("Jangan sampai kehabisan, stok terbatas."),
                                     sv("Ada pertanyaan? Balas saja e-mail ini."),
                                     sv("Selamat berbelanja!"),
                                     sv("Kami tunggu kunjungan Anda."),
                                     sv("Terima kasih atas kepercayaan Anda.")};
inline constexpr std::array kCloseEn{sv("See you soon!"), sv("Hurry, stock is limited."),
                                     sv("Questions? Just reply to this e-mail."), sv("Happy shopping!"),
                                     sv("Thank you for your trust.")};
inline constexpr std::array kProductsId{
    sv("Kemeja batik tulis"), sv("Tas rajut etnik"),      sv("Kopi Gayo 250 g"), sv("Madu hutan 500 ml"),
    sv("Sepatu kanvas"),      sv("Rice cooker 1,8 L"),    sv("Serum wajah"),     sv("Kursi rotan"),
    sv("Blender kaca"),       sv("Keripik tempe"),        sv("Sambal roa"),      sv("Headset bluetooth"),
    sv("Jilbab voal"),        sv("Sarung tenun"),         sv("Teh melati"),      sv("Lampu LED hemat"),
    sv("Pot tanah liat"),     sv("Buku resep"),           sv("Kaos anak"),       sv("Minyak kayu putih"),
    sv("Dompet kulit"),       sv("Powerbank 10.000 mAh"), sv("Rendang kemasan"), sv("Payung lipat")};
inline constexpr std::array kProductsEn{
    sv("Linen shirt"),     sv("Canvas tote"),    sv("Single-origin coffee"),
    sv("Raw honey"),       sv("Trail shoes"),    sv("Ceramic mug"),
    sv("Vitamin C serum"), sv("Rattan chair"),   sv("Glass blender"),
    sv("Yoga mat"),        sv("Notebook set"),   sv("Wireless earbuds"),
    sv("Wool scarf"),      sv("Green tea tin"),  sv("Desk lamp"),
    sv("Plant pot"),       sv("Cookbook"),       sv("Kids' hoodie"),
    sv("Leather wallet"),  sv("Travel umbrella")};

} // namespace ad::gen::text
