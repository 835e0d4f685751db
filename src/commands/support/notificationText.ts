/**
 * Text from the API or a link shown in a notification. VS Code renders `[label](command:…)` and
 * `[label](https://…)` there as links, so link syntax from outside is broken up before it is shown.
 */
export function notificationText(message: string): string {
  // A zero-width space between "]" and "(" keeps the text readable and stops it being a link.
  return message.replace(/\]\s*\(/g, ']\u200B(').replace(/<(?=[a-z]+:)/gi, '<\u200B');
}
