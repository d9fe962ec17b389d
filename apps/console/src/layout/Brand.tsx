/** The product's mark and name. */
export function Brand() {
  return (
    <span className="brand">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="#ffd166" />
        <path d="M7 20h12l3-6h3v6h-2" fill="none" stroke="#1f3a5f" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
        <circle cx="11" cy="22" r="2.4" fill="#1f3a5f" />
        <circle cx="22" cy="22" r="2.4" fill="#1f3a5f" />
      </svg>
      <span className="brand__name">
        Courier Portal <span className="brand__sub">Console</span>
      </span>
    </span>
  );
}
