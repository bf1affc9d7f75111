"use client";

import { useState } from "react";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/theme";

const labels: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/**
 * Light, dark or the system's. The choice is a cookie so the server renders the
 * right colours at once (no flash of the other theme); the class on <html> changes
 * here too, so the page does not need a reload.
 */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);
  return (
    <fieldset className="flex items-center gap-1 rounded-md border border-zinc-200 p-0.5">
      <legend className="sr-only">Theme</legend>
      {THEMES.map((option) => (
        <label
          key={option}
          className="cursor-pointer rounded px-2 py-1 text-xs text-zinc-600 has-checked:bg-zinc-100 has-checked:font-medium has-checked:text-zinc-900 has-focus-visible:outline-2 has-focus-visible:outline-zinc-900"
        >
          <input
            type="radio"
            name="theme"
            value={option}
            checked={theme === option}
            className="sr-only"
            onChange={() => {
              setTheme(option);
              const root = document.documentElement;
              root.classList.remove("light", "dark");
              if (option !== "system") root.classList.add(option);
              document.cookie =
                option === "system"
                  ? `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`
                  : `${THEME_COOKIE}=${option}; path=/; max-age=31536000; samesite=lax`;
            }}
          />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}
