// Display helpers shared by the pages: severities, states, locations, dates, amounts.

export const SEVERITIES = [
  { id: 'error', name: '错误', tag: 'danger' },
  { id: 'warning', name: '警告', tag: 'warning' },
  { id: 'info', name: '提示', tag: 'info' },
]

export function severityName(id) {
  return SEVERITIES.find((s) => s.id === id)?.name || id
}

export function severityTag(id) {
  return SEVERITIES.find((s) => s.id === id)?.tag || 'info'
}

const stateTags = {
  编制: 'info',
  主管部门审核: 'warning',
  财政审核: 'warning',
  已退回: 'danger',
  已批复: 'success',
  已公开: 'primary',
}

export function stateTag(state) {
  return stateTags[state] || 'info'
}

// The key a finding is referred to by (explanations, comments): the server's stable `key`,
// or, from a server that gives none, the rule and the finding's place in the list.
export function findingKey(finding, index) {
  return finding.key || `${finding.rule}#${index}`
}

export function withKeys(findings) {
  return (findings || []).map((f, i) => ({ ...f, key: findingKey(f, i) }))
}

// "表3 一般公共预算支出表 · 行 201 · 列 合计 · 第12行第3列"
export function locationText(location) {
  if (!location) return ''
  const parts = []
  if (location.table_name || location.table) {
    parts.push([location.table, location.table_name].filter(Boolean).join(' '))
  }
  if (location.section) parts.push(location.section)
  if (location.row) parts.push('行 ' + location.row)
  if (location.column) parts.push('列 ' + location.column)
  if (location.cell) parts.push('单元格 ' + location.cell)
  if (location.line) {
    parts.push(`第${location.line}行` + (location.column_number ? `第${location.column_number}列` : ''))
  }
  return parts.join(' · ')
}

function pad(n) {
  return String(n).padStart(2, '0')
}

// Unix seconds → "2024-03-01 14:05".
export function dateTime(seconds) {
  if (!seconds && seconds !== 0) return ''
  const d = new Date(Number(seconds) * 1000)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function date(seconds) {
  return seconds ? dateTime(seconds).slice(0, 10) : ''
}

// Amount strings ("1234.56") as exact cents (BigInt), for differences without rounding.
export function cents(text) {
  if (text === null || text === undefined || text === '') return null
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(text).trim().replace(/,/g, ''))
  if (!m) return null
  const value = BigInt(m[2]) * 100n + BigInt((m[3] || '').padEnd(2, '0') || '0')
  return m[1] ? -value : value
}

export function centsText(value) {
  if (value === null) return ''
  const negative = value < 0n
  const abs = negative ? -value : value
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '-' : ''}${whole}.${(abs % 100n).toString().padStart(2, '0')}`
}

export function difference(a, b) {
  const ca = cents(a)
  const cb = cents(b)
  return ca === null || cb === null ? '' : centsText(cb - ca)
}
