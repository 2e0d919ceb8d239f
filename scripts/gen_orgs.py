#!/usr/bin/env python3
"""Generates realistic-looking Thai local administrations (อบต., เทศบาลตำบล, เทศบาลเมือง) with
their officials and ITA scores, as data for `thaidoc batch` (data/batch/memo-template.yaml).

    scripts/gen_orgs.py --count 120 --seed 2568 -o data/batch/orgs.csv
    scripts/gen_orgs.py --count 7850 > /tmp/orgs.csv          # about as many as Thailand has
    scripts/gen_orgs.py --count 50 --format yaml -o orgs.yaml

The output depends only on --count, --seed and --format (Python 3 standard library only; the
same on every machine and Python version). Provinces, their abbreviations and districts are
real; the organisations, people and scores are invented. Within a province every organisation
has a unique short name (column `org`), so 'out/{province}/{org}-memo.pdf' is unique.
Columns: see COLUMNS below. Scores are ITA 2568 style: indicators 1-5 (IIT), 6-8 (EIT), 9-10
(OIT), total = 30% IIT + 30% EIT + 40% OIT, grade AA..F, computed as thaidoc computes them
(src/ita/ita_compute.h): exact decimal arithmetic, each instrument mean rounded half up to two
decimals, the total from those printed means, rounded half up; the grade from the printed total.
"""
import argparse
import csv
from fractions import Fraction
import io
import random
import sys

# province, abbreviation used in document numbers, postal code prefix, districts (อำเภอ)
PROVINCES = [
    ("ชัยภูมิ", "ชย", 36, ["เมืองชัยภูมิ", "เนินสง่า", "จัตุรัส", "บำเหน็จณรงค์", "ภูเขียว", "แก้งคร้อ", "คอนสวรรค์",
                         "หนองบัวแดง", "บ้านเขว้า", "เกษตรสมบูรณ์"]),
    ("นครปฐม", "นฐ", 73, ["เมืองนครปฐม", "กำแพงแสน", "นครชัยศรี", "ดอนตูม", "บางเลน", "สามพราน", "พุทธมณฑล"]),
    ("นครราชสีมา", "นม", 30, ["เมืองนครราชสีมา", "ปักธงชัย", "โชคชัย", "ปากช่อง", "สีคิ้ว", "พิมาย", "ด่านขุนทด",
                             "บัวใหญ่", "ครบุรี", "สูงเนิน"]),
    ("ขอนแก่น", "ขก", 40, ["เมืองขอนแก่น", "บ้านไผ่", "ชุมแพ", "น้ำพอง", "พล", "หนองเรือ", "ภูเวียง", "มัญจาคีรี"]),
    ("บุรีรัมย์", "บร", 31, ["เมืองบุรีรัมย์", "นางรอง", "ประโคนชัย", "ลำปลายมาศ", "สตึก", "พุทไธสง", "คูเมือง"]),
    ("สุรินทร์", "สร", 32, ["เมืองสุรินทร์", "ปราสาท", "ศีขรภูมิ", "รัตนบุรี", "ท่าตูม", "สังขะ", "จอมพระ"]),
    ("อุบลราชธานี", "อบ", 34, ["เมืองอุบลราชธานี", "วารินชำราบ", "เดชอุดม", "พิบูลมังสาหาร", "ตระการพืชผล",
                              "เขื่องใน", "ม่วงสามสิบ"]),
    ("ร้อยเอ็ด", "รอ", 45, ["เมืองร้อยเอ็ด", "เสลภูมิ", "สุวรรณภูมิ", "โพนทอง", "เกษตรวิสัย", "จตุรพักตรพิมาน"]),
    ("สุพรรณบุรี", "สพ", 72, ["เมืองสุพรรณบุรี", "อู่ทอง", "สองพี่น้อง", "บางปลาม้า", "ศรีประจันต์",
                             "เดิมบางนางบวช", "ดอนเจดีย์"]),
    ("เชียงใหม่", "ชม", 50, ["เมืองเชียงใหม่", "สันทราย", "หางดง", "สันกำแพง", "แม่ริม", "ดอยสะเก็ด", "ฝาง", "จอมทอง"]),
    ("เชียงราย", "ชร", 57, ["เมืองเชียงราย", "แม่สาย", "เชียงของ", "พาน", "แม่จัน", "เทิง"]),
    ("นครศรีธรรมราช", "นศ", 80, ["เมืองนครศรีธรรมราช", "ทุ่งสง", "ปากพนัง", "สิชล", "ท่าศาลา", "ร่อนพิบูลย์"]),
    ("สงขลา", "สข", 90, ["เมืองสงขลา", "หาดใหญ่", "สะเดา", "ระโนด", "จะนะ", "รัตภูมิ"]),
    ("พิษณุโลก", "พล", 65, ["เมืองพิษณุโลก", "วังทอง", "บางระกำ", "นครไทย", "พรหมพิราม"]),
    ("ลพบุรี", "ลบ", 15, ["เมืองลพบุรี", "บ้านหมี่", "ชัยบาดาล", "โคกสำโรง", "พัฒนานิคม"]),
    ("กาญจนบุรี", "กจ", 71, ["เมืองกาญจนบุรี", "ท่าม่วง", "พนมทวน", "ท่ามะกา", "บ่อพลอย", "ไทรโยค"]),
    ("อุดรธานี", "อด", 41, ["เมืองอุดรธานี", "กุมภวาปี", "หนองหาน", "บ้านดุง", "เพ็ญ"]),
    ("สกลนคร", "สน", 47, ["เมืองสกลนคร", "สว่างแดนดิน", "พังโคน", "วาริชภูมิ", "อากาศอำนวย"]),
    ("ศรีสะเกษ", "ศก", 33, ["เมืองศรีสะเกษ", "กันทรลักษ์", "ขุขันธ์", "ราษีไศล", "อุทุมพรพิสัย"]),
    ("มหาสารคาม", "มค", 44, ["เมืองมหาสารคาม", "บรบือ", "วาปีปทุม", "โกสุมพิสัย", "เชียงยืน"]),
]

# Place names are built like real ตำบล names: a landform and a tree, animal or quality
# (หนองบัว, โนนสะอาด, ห้วยยาง ...), each part with its romanisation for the web address.
NAME_HEADS = [("หนอง", "nong"), ("โนน", "non"), ("บ้าน", "ban"), ("ห้วย", "huai"), ("ดอน", "don"), ("นา", "na"),
              ("คลอง", "khlong"), ("วัง", "wang"), ("โคก", "khok"), ("ท่า", "tha"), ("บึง", "bueng"), ("สระ", "sa"),
              ("หัว", "hua"), ("ทุ่ง", "thung"), ("ป่า", "pa"), ("เขา", "khao"), ("บ่อ", "bo"), ("ตา", "ta"),
              ("เมือง", "mueang"), ("แม่", "mae")]
NAME_TAILS = [("บัว", "bua"), ("แดง", "daeng"), ("ยาง", "yang"), ("ใหญ่", "yai"), ("สวรรค์", "sawan"),
              ("ทอง", "thong"), ("ตะเคียน", "takhian"), ("กุง", "kung"), ("ไผ่", "phai"), ("สะแก", "sakae"),
              ("ขาม", "kham"), ("แก", "kae"), ("โพธิ์", "pho"), ("ม่วง", "muang"), ("จาน", "chan"), ("งิ้ว", "ngio"),
              ("เสือ", "suea"), ("ช้าง", "chang"), ("กระทุ่ม", "krathum"), ("สะอาด", "sa-at"), ("เนิน", "noen"),
              ("หลวง", "luang"), ("ใหม่", "mai"), ("เก่า", "kao"), ("ทราย", "sai"), ("หิน", "hin"), ("มะค่า", "makha"),
              ("กระเบื้อง", "krabueang"), ("ค้อ", "kho"), ("แวง", "waeng"), ("ขี้เหล็ก", "khilek"), ("ตาล", "tan"),
              ("สำราญ", "samran"), ("พัฒนา", "phatthana"), ("เจริญ", "charoen"), ("ศรีสุข", "sisuk"),
              ("บุญ", "bun"), ("เพชร", "phet"), ("คำ", "kham"), ("ดู่", "du")]
NAME_ENDS = [("", ""), ("", ""), ("", ""), ("ใต้", "tai"), ("เหนือ", "nuea"), ("ทอง", "thong"), ("งาม", "ngam"),
             ("พัฒนา", "phatthana"), ("ใหญ่", "yai"), ("น้อย", "noi")]

# (short prefix, type, chief title prefix, clerk title prefix, office, share)
ORG_TYPES = [
    ("อบต.", "องค์การบริหารส่วนตำบล", "นายกองค์การบริหารส่วนตำบล", "ปลัดองค์การบริหารส่วนตำบล", "สำนักปลัด", 0.70),
    ("ทต.", "เทศบาลตำบล", "นายกเทศมนตรีตำบล", "ปลัดเทศบาลตำบล", "สำนักปลัดเทศบาล", 0.26),
    ("ทม.", "เทศบาลเมือง", "นายกเทศมนตรีเมือง", "ปลัดเทศบาลเมือง", "สำนักปลัดเทศบาล", 0.04),
]

MALE = ["สมชาย", "สมศักดิ์", "ประเสริฐ", "วิชัย", "สุรชัย", "อนุชา", "ธนากร", "ปณวัฒน์", "สามารถ", "บุญมี", "ทองดี",
        "สุเทพ", "ชาญวิทย์", "ณัฐพล", "กิตติศักดิ์", "วีระพงษ์", "ศักดิ์ชัย", "ไพโรจน์", "อำนาจ", "เกียรติศักดิ์",
        "ชัยวัฒน์", "ประยุทธ", "สุริยา", "ธีระ", "พงศกร", "อภิชาติ", "วรวุฒิ", "จักรพันธ์", "นิรันดร์", "บุญเลิศ"]
FEMALE = ["เสาวนิตย์", "สุภาพร", "วิไลวรรณ", "กาญจนา", "สมศรี", "ปราณี", "นงลักษณ์", "รัตนา", "อรุณี", "จันทร์เพ็ญ",
          "พรทิพย์", "ศิริพร", "มาลัย", "ดวงใจ", "กนกวรรณ", "ณัฐธิดา", "ปิยะนุช", "อัญชลี", "เพ็ญศรี", "วาสนา",
          "ทิพวรรณ", "สุดารัตน์", "จิราภรณ์", "ละเอียด", "บุษบา", "ชนิดา", "อุไรวรรณ", "พิมพ์ชนก", "ธิดารัตน์", "ยุพิน"]
SURNAMES = ["ประยูรพันธ์", "มาตริทิพล", "ประกายเพชร", "ศรีสุข", "บุญมา", "ทองคำ", "แก้วมณี", "สุขเจริญ", "วงศ์สวัสดิ์",
            "พรหมวงศ์", "ชัยมงคล", "ศรีวิชัย", "จันทร์หอม", "สายทอง", "บุญเรือง", "อินทร์แก้ว", "คำภา", "ภูมิพันธ์",
            "เพชรรัตน์", "สมบูรณ์ชัย", "รัตนวงศ์", "ปัญญาดี", "ดวงแก้ว", "นาคสวัสดิ์", "ทองสุข", "กองแก้ว", "ศรีบุญเรือง",
            "มั่นคง", "พิมพ์ทอง", "ชาวนา", "โพธิ์ศรี", "แสงอรุณ", "ธรรมวงศ์", "สีหะวงษ์", "เหล่าสมบัติ", "ยอดดำเนิน"]
OFFICER_POSITIONS = ["นักวิเคราะห์นโยบายและแผนชำนาญการ", "นักวิเคราะห์นโยบายและแผนปฏิบัติการ",
                     "นักจัดการงานทั่วไปชำนาญการ", "นักทรัพยากรบุคคลชำนาญการ", "นิติกรปฏิบัติการ"]

COLUMNS = (["id", "org", "org_full", "org_type", "name", "district", "province", "province_abbr", "postcode",
            "address", "website", "ref_prefix", "ref_no", "date", "fy", "office", "chief", "chief_title", "clerk",
            "clerk_title", "head", "head_title", "officer", "officer_position"]
           + ["ita%d" % i for i in range(1, 11)] + ["ita_total", "ita_grade"])

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai(s):
    return str(s).translate(THAI_DIGITS)


def person(rng, sex=None):
    sex = sex or rng.choice("mf")
    if sex == "m":
        return "นาย" + rng.choice(MALE) + " " + rng.choice(SURNAMES)
    return rng.choice(["นาง", "นางสาว"]) + rng.choice(FEMALE) + " " + rng.choice(SURNAMES)


def grade(total):
    """The level of a printed total (a Fraction of whole hundredths)."""
    for limit, g in ((95, "AA"), (85, "A"), (75, "B"), (65, "C"), (55, "D"), (50, "E")):
        if total >= limit:
            return g
    return "F"


def round_half_up(x):
    """A non-negative Fraction rounded to whole hundredths, half up (65.375 -> 65.38)."""
    return Fraction(int(x * 100 + Fraction(1, 2)), 100)


def hundredths(x):
    """A Fraction of whole hundredths as text: Fraction(7681, 100) -> '76.81'."""
    n = int(x * 100)
    assert n == x * 100
    return "%d.%02d" % (n // 100, n % 100)


def scores(rng):
    """Ten indicator scores (60-100) around an organisation's own level, and total and grade."""
    level = min(97.0, max(68.0, rng.gauss(87.0, 7.0)))
    out = []
    for i in range(1, 11):
        spread = 4.0 if i <= 5 else 6.0 if i <= 8 else 11.0  # OIT varies most
        bias = 4.0 if i <= 5 else 0.0 if i <= 8 else -3.0     # IIT scores run high
        score = round(min(100.0, max(60.0, rng.gauss(level + bias, spread))), 2)
        out.append(Fraction("%.2f" % score))  # the score as printed, exactly
    iit = round_half_up(sum(out[0:5]) / 5)
    eit = round_half_up(sum(out[5:8]) / 3)
    oit = round_half_up(sum(out[8:10]) / 2)
    total = round_half_up(Fraction(3, 10) * iit + Fraction(3, 10) * eit + Fraction(4, 10) * oit)
    return out, total, grade(total)


def generate(count, seed):
    rng = random.Random(seed)
    used = {p[0]: set() for p in PROVINCES}  # province -> place names taken
    sites = set()
    org_numbers = {}                         # (province, district) -> organisations so far
    rows = []
    weights = [t[5] for t in ORG_TYPES]
    for n in range(1, count + 1):
        province, abbr, postal, districts = PROVINCES[(n - 1) % len(PROVINCES)]
        d = rng.randrange(len(districts))
        district = districts[d]
        otype = rng.choices(ORG_TYPES, weights)[0]
        # A place name not yet used in this province (longer names once the short ones run out).
        for attempt in range(1000):
            head, tail = rng.choice(NAME_HEADS), rng.choice(NAME_TAILS)
            end = rng.choice(NAME_ENDS) if attempt > 50 or rng.random() < 0.2 else ("", "")
            if head[0] == tail[0]:
                continue
            name, rom = head[0] + tail[0] + end[0], head[1] + tail[1] + end[1]
            if name not in used[province]:
                break
        else:
            name, rom = name + thai(n), rom + str(n)
        used[province].add(name)
        k = org_numbers.get((province, d), 0) + 1
        org_numbers[(province, d)] = k
        site = "www." + rom.replace("-", "") + ".go.th"
        i = 2
        while site in sites:
            site = "www.%s%d.go.th" % (rom.replace("-", ""), i)
            i += 1
        sites.add(site)
        short, full_type, chief_prefix, clerk_prefix, office, _ = otype
        org_full = full_type + name
        code = ("8" if short == "อบต." else "5") + "%02d%02d" % (d + 1, k % 100)
        postcode = "%d%d%d0" % (postal, 1 + d // 10, d % 10)
        moo = rng.randint(1, 15)
        street = rng.random() < 0.3
        two_lines = rng.random() < 0.25  # some addresses are written on two lines
        address = "เลขที่ %s หมู่ที่ %s%s ตำบล%s%sอำเภอ%s จังหวัด%s %s" % (
            thai(rng.randint(1, 299)), thai(moo), ", ถนน" + district.replace("เมือง", "") if street else "",
            name, "\n" if two_lines else " ", district, province, thai(postcode))
        fy = 2568 if rng.random() < 0.9 else 2567
        year = fy - 543
        month, day = rng.randint(3, 9), rng.randint(1, 28)
        ita, total, g = scores(rng)
        row = {
            "id": "%05d" % n,
            "org": short + name,
            "org_full": org_full,
            "org_type": full_type,
            "name": name,
            "district": district,
            "province": province,
            "province_abbr": abbr,
            "postcode": postcode,
            "address": address,
            "website": site,
            "ref_prefix": abbr + " " + thai(code),
            "ref_no": thai(rng.randint(101, 999)),
            "date": "%04d-%02d-%02d" % (year, month, day),
            "fy": str(fy),
            "office": office,
            "chief": person(rng),
            "chief_title": chief_prefix + name,
            "clerk": person(rng),
            "clerk_title": clerk_prefix + name,
            "head": person(rng),
            "head_title": "หัวหน้า" + office,
            "officer": person(rng),
            "officer_position": rng.choice(OFFICER_POSITIONS),
            "ita_total": hundredths(total),
            "ita_grade": g,
        }
        for i, s in enumerate(ita, 1):
            row["ita%d" % i] = hundredths(s)
        rows.append(row)
    return rows


def yaml_scalar(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=120, help="number of organisations (default 120)")
    ap.add_argument("--seed", type=int, default=2568, help="random seed (default 2568)")
    ap.add_argument("--format", choices=["csv", "yaml"], default="csv")
    ap.add_argument("-o", "--output", help="output file (default: standard output)")
    args = ap.parse_args()
    if args.count < 0:
        ap.error("--count must not be negative")
    rows = generate(args.count, args.seed)
    buf = io.StringIO(newline="")
    if args.format == "csv":
        w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    else:
        buf.write("# %d organisations, scripts/gen_orgs.py --count %d --seed %d --format yaml\n"
                  % (args.count, args.count, args.seed))
        for row in rows:
            first = True
            for key in COLUMNS:
                buf.write(("- " if first else "  ") + key + ": " + yaml_scalar(row[key]) + "\n")
                first = False
    data = buf.getvalue().encode("utf-8")
    if args.output:
        with open(args.output, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)


if __name__ == "__main__":
    main()
