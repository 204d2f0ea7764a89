// "一", "二", …, "十一", …, "九十九": how the bulletin numbers its sections (as the PDF does,
// server/src/report/bulletin_pdf.hpp ChineseNumeral); decimal digits outside 1–99.
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']

export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) {
    return String(n)
  }
  const tens = Math.floor(n / 10)
  const ones = n % 10
  if (tens === 0) {
    return DIGITS[ones] ?? ''
  }
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`
}
