/** A workspace path with its file name kept whole: a narrow header cuts the folder, never the name. */
export function WorkspacePath({ path }: { path: string }) {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
  return (
    <span className="bh-path" title={path}>
      <span className="bh-path-dir">{path.slice(0, cut)}</span>
      <span className="bh-path-file">{path.slice(cut)}</span>
    </span>
  );
}
